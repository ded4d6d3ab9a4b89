package com.tmallbridge.finance;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers {@link ReconciliationProperties}, {@link FeeRateProperties} and {@link DailyCloseProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ReconciliationProperties.class, FeeRateProperties.class, DailyCloseProperties.class, VoucherProperties.class})
class ReconciliationConfiguration {}
