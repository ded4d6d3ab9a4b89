package com.tmallbridge.channel.tmall;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code bridge.channel.tmall.tmc.*} for {@link TmallMessageStream}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TmcProperties.class)
class TmcConfiguration {}
