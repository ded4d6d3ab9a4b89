package com.tmallbridge.product;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import java.util.Collection;
import java.util.List;

/** Reads the shops' listings as of the last product match. Thread-safe. */
public interface Listings {

  /** Every listing of a shop, matched or not, ordered by item and SKU. */
  List<Listing> ofShop(ShopId shop);

  /** Listings of every shop that use any of {@code materials}, directly or as a combo component. */
  List<Listing> using(Collection<MaterialCode> materials);
}
