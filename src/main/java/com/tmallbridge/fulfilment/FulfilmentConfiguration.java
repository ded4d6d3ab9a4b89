package com.tmallbridge.fulfilment;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(FulfilmentProperties.class)
class FulfilmentConfiguration {}
