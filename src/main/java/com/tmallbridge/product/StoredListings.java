package com.tmallbridge.product;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * {@link Listings} from the rows the last product match stored. Only listings still on sale at that
 * match are returned. Components come from today's combos, so a combo changed since the match is
 * seen at once; a changed mapping is seen once the stored listings are matched again (every fix
 * through {@link ProductManagement} does that).
 */
@Service
class StoredListings implements Listings {
  private final ListingRepository listings;
  private final ComboRepository combos;

  StoredListings(ListingRepository listings, ComboRepository combos) {
    this.listings = listings;
    this.combos = combos;
  }

  @Override
  public List<Listing> ofShop(ShopId shop) {
    return toListings(listings.ofShop(shop).stream().filter(ListingRow::onSale).toList());
  }

  @Override
  public List<Listing> using(Collection<MaterialCode> materials) {
    Set<String> codes = new HashSet<>();
    materials.forEach(m -> codes.add(m.value()));
    codes.addAll(combos.usingMaterials(List.copyOf(codes)));
    return toListings(listings.matchedTo(codes));
  }

  private List<Listing> toListings(List<ListingRow> rows) {
    Set<String> codes = new HashSet<>();
    rows.stream().filter(ListingRow::matched).forEach(r -> codes.add(r.matchCode()));
    Map<String, Combo> comboByCode = combos.byCodes(codes);
    return rows.stream().map(r -> toListing(r, comboByCode)).toList();
  }

  private static Listing toListing(ListingRow r, Map<String, Combo> comboByCode) {
    List<Component> components = List.of();
    if (r.matched()) {
      Combo combo = comboByCode.get(r.matchCode());
      components = combo != null ? combo.components() : List.of(new Component(new MaterialCode(r.matchCode()), 1));
    }
    return new Listing(r.shop(), r.numIid(), r.skuId(), r.outerId(), components);
  }
}
