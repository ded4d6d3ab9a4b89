package com.tmallbridge.sandbox.tmall;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Receivers across every mainland province, with real cities, districts and zip codes, masked the
 * way TOP shows them to a seller's app (the street number and house digits as {@code *}). Province
 * names follow TOP's form: {@code 浙江省}, but {@code 北京} for municipalities.
 */
final class ChineseAddressBook {
  /** province|zip prefix|city:district,district;city:district... */
  private static final String[] TABLE = {
    "北京|100|北京市:朝阳区,海淀区,东城区,丰台区",
    "天津|300|天津市:和平区,南开区,河西区",
    "上海|200|上海市:浦东新区,徐汇区,静安区,闵行区",
    "重庆|400|重庆市:渝中区,江北区,南岸区",
    "河北省|050|石家庄市:长安区,裕华区;唐山市:路北区,路南区",
    "山西省|030|太原市:小店区,迎泽区;大同市:平城区",
    "内蒙古自治区|010|呼和浩特市:新城区,赛罕区;包头市:昆都仑区",
    "辽宁省|110|沈阳市:和平区,浑南区;大连市:中山区,甘井子区",
    "吉林省|130|长春市:朝阳区,南关区;吉林市:船营区",
    "黑龙江省|150|哈尔滨市:南岗区,道里区;大庆市:萨尔图区",
    "江苏省|210|南京市:玄武区,鼓楼区,江宁区;苏州市:姑苏区,吴中区;无锡市:梁溪区",
    "浙江省|310|杭州市:西湖区,余杭区,滨江区;宁波市:鄞州区,海曙区;温州市:鹿城区",
    "安徽省|230|合肥市:蜀山区,包河区;芜湖市:镜湖区",
    "福建省|350|福州市:鼓楼区,仓山区;厦门市:思明区,湖里区",
    "江西省|330|南昌市:东湖区,红谷滩区;赣州市:章贡区",
    "山东省|250|济南市:历下区,市中区;青岛市:市南区,崂山区",
    "河南省|450|郑州市:金水区,二七区;洛阳市:洛龙区",
    "湖北省|430|武汉市:武昌区,洪山区,江汉区;宜昌市:西陵区",
    "湖南省|410|长沙市:岳麓区,天心区,雨花区;株洲市:天元区",
    "广东省|510|广州市:天河区,越秀区,番禺区;深圳市:南山区,福田区,宝安区;佛山市:禅城区,南海区",
    "广西壮族自治区|530|南宁市:青秀区,兴宁区;桂林市:秀峰区",
    "海南省|570|海口市:龙华区,美兰区;三亚市:吉阳区",
    "四川省|610|成都市:武侯区,锦江区,成华区;绵阳市:涪城区",
    "贵州省|550|贵阳市:南明区,观山湖区;遵义市:汇川区",
    "云南省|650|昆明市:五华区,盘龙区;大理白族自治州:大理市",
    "西藏自治区|850|拉萨市:城关区",
    "陕西省|710|西安市:雁塔区,碑林区,未央区;宝鸡市:渭滨区",
    "甘肃省|730|兰州市:城关区,七里河区",
    "青海省|810|西宁市:城西区,城东区",
    "宁夏回族自治区|750|银川市:兴庆区,金凤区",
    "新疆维吾尔自治区|830|乌鲁木齐市:天山区,沙依巴克区"
  };

  private static final String[] TOWNS = {
    "城南街道", "城北街道", "东湖街道", "新城街道", "高新街道", "长安街道", "金桥街道", "南湖街道"
  };
  private static final String[] STREETS = {
    "人民路", "解放路", "建设路", "中山路", "文化路", "和平路", "新华路", "长江路", "学府路", "科技路", "滨河路", "幸福路"
  };
  private static final String[] ESTATES = {
    "阳光花园", "锦绣家园", "翠苑小区", "金色港湾", "天域华府", "绿城桂花园", "万科城", "世纪新城"
  };

  private final List<List<District>> provinces = new ArrayList<>();

  private record District(String state, String city, String district, String zip) {}

  ChineseAddressBook() {
    for (String row : TABLE) {
      String[] columns = row.split("\\|");
      String[] cities = columns[2].split(";");
      List<District> districts = new ArrayList<>();
      for (int c = 0; c < cities.length; c++) {
        String[] cityAndDistricts = cities[c].split(":");
        for (String district : cityAndDistricts[1].split(",")) {
          String zip = columns[1] + c + "00";
          districts.add(new District(columns[0], cityAndDistricts[0], district, zip));
        }
      }
      provinces.add(List.copyOf(districts));
    }
  }

  int provinceCount() {
    return provinces.size();
  }

  /** A random masked receiver in a random district of a random province. */
  MaskedReceiver receiver(
      SplittableRandom random, String maskedName, String maskedMobile, @Nullable String phone) {
    List<District> inProvince = provinces.get(random.nextInt(provinces.size()));
    District place = inProvince.get(random.nextInt(inProvince.size()));
    String town = TOWNS[random.nextInt(TOWNS.length)];
    return new MaskedReceiver(
        maskedName,
        maskedMobile,
        phone,
        place.state(),
        place.city(),
        place.district(),
        town,
        maskedStreetAddress(random, town),
        place.zip());
  }

  /** The street address TOP shows: names in clear, every digit masked. */
  private static String maskedStreetAddress(SplittableRandom random, String town) {
    return town
        + STREETS[random.nextInt(STREETS.length)]
        + masked(1 + random.nextInt(899))
        + "号"
        + ESTATES[random.nextInt(ESTATES.length)]
        + masked(1 + random.nextInt(30))
        + "栋"
        + masked(1 + random.nextInt(4))
        + "单元"
        + masked(101 + random.nextInt(2800))
        + "室";
  }

  /** As many {@code *} as the number has digits. */
  private static String masked(int number) {
    return "*".repeat(Integer.toString(number).length());
  }
}
