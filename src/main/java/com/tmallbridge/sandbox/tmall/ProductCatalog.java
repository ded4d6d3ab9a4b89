package com.tmallbridge.sandbox.tmall;

import java.util.List;

/**
 * The kinds of products the generated shop sells: leaf category, title stems, sales properties
 * (with Taobao's real property ids where well known, e.g. 1627207 颜色分类, 20509 尺码) and a price range
 * in yuan. Categories without properties produce items without SKUs.
 */
final class ProductCatalog {

  /** A sales property such as 颜色分类 with its values; value ids are {@code vidBase + index}. */
  record Property(long pid, String name, long vidBase, List<String> values) {}

  /** A leaf category of the shop. */
  record Category(
      long cid, List<String> stems, List<Property> properties, int minYuan, int maxYuan) {}

  private static final Property COLOUR =
      new Property(1627207, "颜色分类", 28320, List.of("白色", "黑色", "杏色", "雾霾蓝", "酒红色"));
  private static final Property SIZE =
      new Property(20509, "尺码", 28313, List.of("S", "M", "L", "XL", "XXL"));
  private static final Property MEN_SIZE =
      new Property(20509, "尺码", 28314, List.of("M", "L", "XL", "XXL", "3XL"));
  private static final Property SHOE_SIZE =
      new Property(20549, "鞋码", 672, List.of("38", "39", "40", "41", "42", "43", "44"));
  private static final Property VOLUME =
      new Property(122216343, "净含量", 3310, List.of("30ml", "50ml", "100ml"));
  private static final Property FLAVOUR =
      new Property(21541, "口味", 4410, List.of("原味", "奶油味", "盐焗味"));
  private static final Property WEIGHT =
      new Property(122216347, "净含量", 5510, List.of("250g", "500g", "1000g"));
  private static final Property DEVICE_COLOUR =
      new Property(1627207, "颜色分类", 90554, List.of("曜石黑", "珍珠白", "星空蓝"));
  private static final Property EDITION =
      new Property(122216588, "版本类型", 6610, List.of("标准版", "Pro版"));
  private static final Property BED_SIZE =
      new Property(122276315, "适用床尺寸", 7710, List.of("1.5m床", "1.8m床", "2.0m床"));

  static final List<Category> CATEGORIES =
      List.of(
          new Category(
              50010850,
              List.of("法式碎花连衣裙", "雪纺收腰长裙", "针织开衫连衣裙", "复古格纹衬衫裙"),
              List.of(COLOUR, SIZE),
              129,
              459),
          new Category(
              50000436,
              List.of("纯棉短袖T恤", "重磅圆领T恤", "冰丝速干POLO衫"),
              List.of(COLOUR, MEN_SIZE),
              59,
              199),
          new Category(
              50012906, List.of("轻便跑步鞋", "缓震训练鞋", "透气休闲板鞋"), List.of(COLOUR, SHOE_SIZE), 199, 699),
          new Category(50011977, List.of("玻尿酸保湿面霜", "烟酰胺焕亮精华", "氨基酸洁面乳"), List.of(VOLUME), 89, 399),
          new Category(
              50008055, List.of("每日坚果混合装", "手剥巴旦木", "夏威夷果"), List.of(FLAVOUR, WEIGHT), 19, 129),
          new Category(
              50005050,
              List.of("真无线蓝牙耳机", "头戴式降噪耳机", "运动挂耳耳机"),
              List.of(DEVICE_COLOUR, EDITION),
              99,
              999),
          new Category(
              50008779,
              List.of("全棉四件套", "60支长绒棉床品套件", "水洗棉夏凉被"),
              List.of(COLOUR, BED_SIZE),
              199,
              899),
          new Category(
              50016434, List.of("不粘炒锅32cm", "陶瓷保温杯", "304不锈钢饭盒", "硅胶厨房锅铲"), List.of(), 29, 299));

  private ProductCatalog() {}
}
