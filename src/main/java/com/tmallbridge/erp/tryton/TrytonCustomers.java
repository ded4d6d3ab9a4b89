package com.tmallbridge.erp.tryton;

import static com.tmallbridge.erp.tryton.TrytonClient.args;

import com.tmallbridge.core.CustomerRecord;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.erp.ConnectorException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Customers as Tryton parties whose {@code code} is the buyer's external key. Party codes are
 * unique in Tryton (SQL constraint {@code code_uniq}), so concurrent creates of one buyer leave one
 * party: the loser's create fails and it finds the winner's. The customer number the bridge keeps
 * is that code.
 */
final class TrytonCustomers {
  private final TrytonClient client;

  TrytonCustomers(TrytonClient client) {
    this.client = client;
  }

  ErpDocNo ensure(CustomerRecord customer) {
    Optional<Long> found = partyId(customer.externalKey());
    if (found.isPresent()) {
      return new ErpDocNo(customer.externalKey());
    }
    try {
      client.call("party.party", "create", List.of(List.of(Map.of("name", customer.displayName(), "code", customer.externalKey()))));
    } catch (ConnectorException e) {
      if (partyId(customer.externalKey()).isEmpty()) {
        throw e;
      }
    }
    return new ErpDocNo(customer.externalKey());
  }

  /** The party id of a customer number (party code), if Tryton has it. */
  Optional<Long> partyId(String code) {
    JsonNode ids = client.call("party.party", "search", args(List.of(List.of("code", "=", code)), 0, 1, null));
    return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(0).asLong());
  }
}
