package com.tmallbridge.demo;

import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import com.tmallbridge.sandbox.erp.TrytonRpc;
import com.tmallbridge.sandbox.erp.TrytonServer;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The demo's desk for the active ERP: the built-in ERP's operations, or a Tryton server the demo
 * started ({@code demo --erp tryton}), read as Tryton's administrator with the sandbox server's
 * password unless {@code bridge.demo.tryton.admin-password} says otherwise.
 */
@Configuration(proxyBeanMethods = false)
class ErpDeskConfiguration {

  @Bean
  ErpDesk erpDesk(ErpRegistry erp, ObjectProvider<EmbeddedErpOperations> embedded, Environment env) {
    return switch (erp.activeId()) {
      case "tryton" -> new TrytonErpDesk(erp, new java.util.function.Supplier<>() {
        private TrytonRpc rpc;

        @Override
        public synchronized TrytonRpc get() {
          if (rpc == null) {
            rpc = new TrytonRpc(URI.create(env.getRequiredProperty("bridge.erp.tryton.url")), env.getRequiredProperty("bridge.erp.tryton.database"),
                "admin", env.getProperty("bridge.demo.tryton.admin-password", TrytonServer.ADMIN_PASSWORD)).login();
          }
          return rpc;
        }
      });
      default -> new BuiltInErpDesk(embedded.getObject());
    };
  }
}
