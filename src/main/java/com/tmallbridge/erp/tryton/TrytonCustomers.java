package com.tmallbridge.erp.tryton;

import static com.tmallbridge.erp.tryton.TrytonClient.args;

import com.tmallbridge.core.CustomerRecord;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.erp.ConnectorException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Customers as Tryton parties whose {@code code} is the buyer's external key. Party codes are
 * unique in Tryton (SQL constraint {@code code_uniq}), so concurrent creates of one buyer leave one
 * party: the loser's create fails and it finds the winner's. The customer number the bridge keeps
 * is that code. With {@code customerParty} set, every buyer is that one party (checked to exist on
 * first use) and no party is created.
 */
final class TrytonCustomers {
  private final TrytonClient client;
  private final @Nullable String customerParty;
  private volatile boolean customerPartyFound;

  TrytonCustomers(TrytonClient client, @Nullable String customerParty) {
    this.client = client;
    this.customerParty = customerParty;
  }

  ErpDocNo ensure(CustomerRecord customer) {
    if (customerParty != null) {
      if (!customerPartyFound && partyId(customerParty).isEmpty()) {
        throw new ConnectorException(TrytonErrorCode.UNKNOWN_CUSTOMER, false, "Tryton has no party with code '" + customerParty
            + "' (bridge.erp.tryton.customer-party): create it in Tryton or remove the setting");
      }
      customerPartyFound = true;
      return new ErpDocNo(customerParty);
    }
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
