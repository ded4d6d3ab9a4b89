package com.tmallbridge.order;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(TradeMessageProperties.class)
class TradeMessageConfiguration {}
