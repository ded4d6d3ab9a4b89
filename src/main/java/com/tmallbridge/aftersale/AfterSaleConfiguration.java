package com.tmallbridge.aftersale;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers {@link AfterSaleProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AfterSaleProperties.class)
class AfterSaleConfiguration {}
