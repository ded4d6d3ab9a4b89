package com.tmallbridge.product;

import com.tmallbridge.core.MaterialCode;

/**
 * One ERP material a Tmall SKU stands for, with how many units one sold SKU takes.
 *
 * @param material the ERP material
 * @param quantity units per SKU sold, ≥ 1
 */
public record Component(MaterialCode material, int quantity) {

  public Component {
    if (quantity < 1) {
      throw new IllegalArgumentException("component quantity must be at least 1, got " + quantity + " for " + material);
    }
  }
}
