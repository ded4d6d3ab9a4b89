package com.tmallbridge.shop;

import com.tmallbridge.secret.SealedColumns;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the shop columns sealed at rest, for {@code keys reencrypt}. */
@Configuration(proxyBeanMethods = false)
class ShopSecretsConfiguration {

  @Bean
  SealedColumns shopSealedColumns() {
    return new SealedColumns("shop", "id", List.of(ShopRepository.APP_SECRET, ShopRepository.SESSION_KEY));
  }
}
