package com.tmallbridge.stock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ReplenishmentProperties.class)
class ReplenishmentConfiguration {}
