package com.tmallbridge.erp.embedded;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers the built-in ERP's settings; the connector itself is a component of this package. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedErpProperties.class)
class EmbeddedErpConfiguration {}
