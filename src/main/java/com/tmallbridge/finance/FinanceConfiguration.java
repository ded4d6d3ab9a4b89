package com.tmallbridge.finance;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers {@link FinanceProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FinanceProperties.class)
class FinanceConfiguration {}
