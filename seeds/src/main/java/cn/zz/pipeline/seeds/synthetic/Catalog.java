package cn.zz.pipeline.seeds.synthetic;

import java.util.Map;

/**
 * What synthetic projects are made of: 郑州's 15 districts with their weight (share of projects), parks and
 * industry chains (产业链), each chain's GB/T 4754-2017 industries, and the projects outside any chain. Weights are
 * judgement, not statistics: industrial counties and zones carry manufacturing chains, the urban districts
 * services.
 */
final class Catalog {

    /** What kind of project an industry stands for; decides type, land, output, owner and private share. */
    enum Kind { MANUFACTURING, UTILITY, SERVICE, INFRASTRUCTURE, REAL_ESTATE, PUBLIC, AGRICULTURE }

    /** An industry code with the product a project of it builds and the word its owners' names carry. */
    record Industry(String code, String product, String ownerWord, Kind kind) {

        /** 工业: sections B, C, D. */
        boolean industrial() {
            return cn.zz.pipeline.events.Industry.industrial(code);
        }
    }

    record Chain(String name, Industry... industries) {
    }

    record District(String code, String name, double weight, String[] parks, Chain[] chains, double[] chainWeights) {
    }

    private static Industry m(String code, String product, String ownerWord) {
        return new Industry(code, product, ownerWord, Kind.MANUFACTURING);
    }

    private static Industry s(String code, String product, String ownerWord) {
        return new Industry(code, product, ownerWord, Kind.SERVICE);
    }

    private static Industry i(String code, String product, String ownerWord) {
        return new Industry(code, product, ownerWord, Kind.INFRASTRUCTURE);
    }

    static final Chain APPLIANCES = new Chain("智能家电",
            m("C3851", "智能冰箱生产线", "电器"), m("C3852", "智能空调生产基地", "制冷科技"),
            m("C3857", "家电核心零部件", "电器配件"), m("C3464", "商用空调设备", "制冷设备"));
    static final Chain ELECTRONICS = new Chain("电子信息",
            m("C3973", "集成电路封装测试", "半导体"), m("C3974", "新型显示模组", "光电科技"),
            m("C3976", "光电子器件", "光电"), m("C3982", "柔性电路板", "电子科技"),
            m("C3983", "智能传感器", "传感技术"), m("C3922", "智能终端", "智能终端"),
            s("I6513", "工业软件研发中心", "软件"));
    static final Chain MATERIALS = new Chain("先进材料",
            m("C3252", "高端铝板带箔", "铝业"), m("C3216", "再生铝", "铝业"), m("C3091", "超硬材料制品", "超硬材料"),
            m("C2922", "改性塑料", "塑业"), m("C3089", "新型耐火材料", "耐材"));
    static final Chain EQUIPMENT = new Chain("高端装备",
            m("C3421", "数控机床", "机床"), m("C3443", "智能流体控制阀门", "流体科技"),
            m("C3491", "工业机器人", "机器人"), m("C3511", "智能矿山装备", "重工"), m("C3599", "专用装备", "装备制造"));
    static final Chain NEW_ENERGY_VEHICLES = new Chain("新能源汽车",
            m("C3612", "新能源整车", "汽车"), m("C3670", "汽车零部件", "汽车部件"), m("C3841", "动力电池", "新能源科技"));
    static final Chain BIOMEDICINE = new Chain("生物医药",
            m("C2720", "化学制剂", "制药"), m("C2761", "生物药品", "生物科技"), m("C3581", "医疗设备", "医疗器械"));
    static final Chain FOOD = new Chain("现代食品",
            m("C1432", "速冻食品", "食品"), m("C1441", "乳制品", "乳业"), m("C1524", "植物蛋白饮料", "饮品"),
            new Industry("A0141", "设施蔬菜种植基地", "农业", Kind.AGRICULTURE));
    static final Chain BUILDING_MATERIALS = new Chain("绿色建材",
            m("C3022", "装配式混凝土构件", "建材"), m("C3024", "轻质建筑材料", "新型建材"), m("C3041", "节能玻璃", "玻璃"));
    static final Chain LOGISTICS = new Chain("现代物流",
            i("G5920", "智能仓储物流园", "物流"), i("G5930", "冷链物流中心", "冷链"), i("G5810", "多式联运枢纽", "供应链"));
    static final Chain TOURISM = new Chain("文化旅游",
            i("N7861", "景区提升", "文旅"), s("R9020", "主题乐园", "文旅"), s("H6110", "文旅酒店", "酒店管理"));
    static final Chain SERVICES = new Chain("现代服务",
            s("L7211", "企业总部基地", "实业"), s("M7310", "研发中心", "科技"), s("F5211", "商业综合体", "商业管理"));

    /** Projects outside any chain: city infrastructure, housing, schools and hospitals, utilities. */
    static final Industry[] OUTSIDE_CHAINS = {
        i("N7810", "市政道路提升", "城市建设"), i("N7721", "污水处理厂", "水务"), i("N7610", "防洪排涝", "水利"),
        i("N7850", "城市公园", "园林"), i("G5411", "公交场站", "公交"), i("I6312", "5G基站", "通信"),
        new Industry("K7010", "住宅小区", "置业", Kind.REAL_ESTATE),
        new Industry("K7010", "安置房", "置业", Kind.REAL_ESTATE),
        new Industry("P8321", "学校建设", "教育发展", Kind.PUBLIC),
        new Industry("Q8411", "医院建设", "医疗健康", Kind.PUBLIC),
        new Industry("D4416", "分布式光伏", "新能源", Kind.UTILITY),
        new Industry("D4430", "集中供热", "热力", Kind.UTILITY),
        new Industry("D4610", "水厂", "水务", Kind.UTILITY)};
    static final double[] OUTSIDE_CHAINS_CUMULATIVE = Rng.cumulative(
            14, 7, 5, 5, 4, 4, 12, 8, 6, 5, 6, 3, 3);

    /** The name comes from the project's district table (events module); a code it does not know fails here. */
    private static District d(String code, double weight, String[] parks, Object... chains) {
        String name = cn.zz.pipeline.events.District.byCode(code).orElseThrow(
                () -> new IllegalStateException("not in the district table: " + code)).name();
        Chain[] c = new Chain[chains.length / 2];
        double[] w = new double[c.length];
        for (int k = 0; k < c.length; k++) {
            c[k] = (Chain) chains[2 * k];
            w[k] = (Double) chains[2 * k + 1];
        }
        return new District(code, name, weight, parks, c, Rng.cumulative(w));
    }

    static final District[] DISTRICTS = {
        d("410102", 6, new String[] {"中原区科技产业园", "中原区西部产业园"},
                EQUIPMENT, .3, ELECTRONICS, .3, SERVICES, .4),
        d("410103", 5, new String[] {"二七区马寨产业园", "二七区电商产业园"},
                SERVICES, .4, BIOMEDICINE, .3, LOGISTICS, .3),
        d("410104", 5, new String[] {"管城区商贸物流园"},
                SERVICES, .35, LOGISTICS, .35, TOURISM, .3),
        d("410105", 7, new String[] {"金水科教园区", "金水区数字经济产业园"},
                ELECTRONICS, .4, SERVICES, .4, BIOMEDICINE, .2),
        d("410106", 4, new String[] {"先进制造业开发区", "上街区通航产业园"},
                APPLIANCES, .4, MATERIALS, .3, EQUIPMENT, .3),
        d("410108", 4, new String[] {"惠济区物流产业园"},
                TOURISM, .4, LOGISTICS, .3, FOOD, .3),
        d("410122", 8, new String[] {"中牟汽车产业园", "中牟文化创意园"},
                NEW_ENERGY_VEHICLES, .45, FOOD, .25, TOURISM, .3),
        d("410171", 10, new String[] {"经开区汽车产业园", "经开区国际物流园"},
                NEW_ENERGY_VEHICLES, .4, EQUIPMENT, .35, LOGISTICS, .25),
        d("410172", 9, new String[] {"高新区智能传感谷", "高新区电子信息产业园"},
                ELECTRONICS, .55, EQUIPMENT, .25, BIOMEDICINE, .2),
        d("410173", 12, new String[] {"航空港智能终端产业园", "航空港生物医药园"},
                ELECTRONICS, .5, BIOMEDICINE, .2, LOGISTICS, .3),
        d("410181", 6, new String[] {"巩义市先进制造业开发区"},
                MATERIALS, .6, EQUIPMENT, .4),
        d("410182", 6, new String[] {"荥阳市先进制造业开发区"},
                EQUIPMENT, .45, BUILDING_MATERIALS, .3, MATERIALS, .25),
        d("410183", 5, new String[] {"新密市先进制造业开发区"},
                BUILDING_MATERIALS, .45, MATERIALS, .35, FOOD, .2),
        d("410184", 8, new String[] {"新郑电子信息产业园", "新郑市食品产业园"},
                ELECTRONICS, .45, FOOD, .35, BIOMEDICINE, .2),
        d("410185", 5, new String[] {"登封市先进制造业开发区", "登封市文旅产业园"},
                BUILDING_MATERIALS, .4, MATERIALS, .3, TOURISM, .3)};

    /** Syllables of synthetic trade names (字号); two make one. */
    static final String[] TRADE_SYLLABLES = ("华 瑞 恒 鑫 豫 中 宏 泰 嘉 博 新 创 盛 达 丰 源 科 信 德 智 航 远 晟 锐 翔 天 正 通"
            + " 安 隆 昌 合 宇 明 辉 凯 森 易 联 峰 磊 润 祥 兴 荣 邦 誉 卓 越 启 方 圆 金 银 川 海 星 辰").split(" ");

    static final Map<String, District> BY_CODE = byCode();

    private static Map<String, District> byCode() {
        Map<String, District> m = new java.util.LinkedHashMap<>();
        for (District d : DISTRICTS) {
            m.put(d.code(), d);
        }
        return Map.copyOf(m);
    }

    private Catalog() {
    }
}
