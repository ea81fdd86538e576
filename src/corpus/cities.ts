import areas from 'china-area-data/data.json' with { type: 'json' };

/** GB/T 2260 codes: the country's children are provinces, a province's are its prefecture-level cities. */
type AreaTable = Record<string, Record<string, string>>;
const COUNTRY = '86';

/** Rows that group counties rather than name a city (市辖区, 省直辖县级行政区划), and Hong Kong's and Macau's districts. */
const NOT_A_CITY = /市辖区|直辖|^县$|區$/u;

/**
 * City names that are also everyday words or name something else: 开封 (to unseal), 白银 (silver),
 * 来宾 (guests), 日照 (sunshine), 三明(治), 德州 (Texas), 阿里(巴巴), 朝阳 and 北海 (in Beijing),
 * 哈密(瓜), 和田(玉), 大理(石)… Read as places, they would send a question about an unsealed parcel
 * or a silver bracelet to another province's rules.
 */
const EVERYDAY_WORDS = new Set(['开封', '白银', '来宾', '安康', '大同', '朝阳', '中山', '普洱', '北海', '三明', '德州', '阿里', '日照', '大庆', '大理', '哈密', '和田', '海南', '吉林']);

/** 郑州 for 郑州市, 延边 for 延边朝鲜族自治州, 阿勒泰 for 阿勒泰地区: how people name a city. */
function shortCityName(city: string): string {
  return city.replace(/(?:(?:朝鲜|土家|苗|藏|羌|彝|布依|侗|哈尼|壮|傣|白|景颇|傈僳|回|蒙古|柯尔克孜|哈萨克)族?)*(?:自治州|地区|盟|市)$/u, '');
}

/** A province-level code whose children group districts (市辖区) rather than name cities: 北京, 天津, 上海, 重庆. */
function isMunicipality(table: AreaTable, provinceCode: string): boolean {
  return Object.values(table[provinceCode] ?? {}).every((row) => NOT_A_CITY.test(row));
}

/**
 * Each prefecture-level city's short name with its province's full name (青岛 → 山东省), and each
 * district or county of the four municipalities with the municipality (海淀区 → 北京市, 沙坪坝 →
 * 重庆市), from the GB/T 2260 table of china-area-data: people name the city or district they live
 * in, not its province.
 */
export const CITY_PROVINCES: ReadonlyMap<string, string> = (() => {
  const table = areas as AreaTable;
  const cities = new Map<string, string>();
  for (const [provinceCode, province] of Object.entries(table[COUNTRY] ?? {})) {
    for (const city of Object.values(table[provinceCode] ?? {})) {
      const name = shortCityName(city);
      if (!NOT_A_CITY.test(city) && [...name].length >= 2 && !EVERYDAY_WORDS.has(name)) cities.set(name, province);
    }
  }
  for (const [district, municipality] of municipalDistricts(table)) cities.set(district, municipality);
  return cities;
})();

/**
 * The municipalities' districts and counties by full name (渝北区, 浦东新区, 城口县) and, when three
 * characters or more, without 区 or 县 (沙坪坝, 石景山): shorter ones are everyday words (长寿, 南岸,
 * 和平, 金山), and an autonomous county is named by its whole name. A name some other county also
 * bears (普陀区 in 舟山, 朝阳区 in 长春) says no place.
 */
function municipalDistricts(table: AreaTable): Map<string, string> {
  const counties = Object.entries(table[COUNTRY] ?? {}).flatMap(([provinceCode, province]) => {
    const municipal = isMunicipality(table, provinceCode);
    return Object.keys(table[provinceCode] ?? {}).flatMap((cityCode) => Object.values(table[cityCode] ?? {}).map((county) => ({ county, province, municipal })));
  });
  const bearers = new Map<string, number>();
  for (const { county } of counties) bearers.set(county, (bearers.get(county) ?? 0) + 1);
  const districts = new Map<string, string>();
  for (const { county, province, municipal } of counties) {
    if (!municipal || bearers.get(county) !== 1 || NOT_A_CITY.test(county)) continue;
    districts.set(county, province);
    const short = county.replace(/(?:新区|区|县)$/u, '');
    if ([...short].length >= 3 && short !== county && !short.includes('自治')) districts.set(short, province);
  }
  return districts;
}
