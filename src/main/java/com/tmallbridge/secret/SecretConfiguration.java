package com.tmallbridge.secret;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class SecretConfiguration {

  @Bean
  DataKeys dataKeys(Environment environment, @Value("${bridge.security.data-keys-file:${bridge.data}/keys/data-keys}") String file) {
    return new DataKeys(environment, file);
  }

  @Bean
  FieldCipher fieldCipher(DataKeys keys) {
    return new AesGcmFieldCipher(keys.ring());
  }
}
