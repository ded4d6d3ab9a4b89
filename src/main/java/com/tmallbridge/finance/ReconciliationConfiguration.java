package com.tmallbridge.finance;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers {@link ReconciliationProperties} and {@link FeeRateProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ReconciliationProperties.class, FeeRateProperties.class})
class ReconciliationConfiguration {}
