package cn.zz.pipeline.seeds.compose;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The projects and firms the documents name, with the facts they give: 奥克斯智能空调基地 (6.5亿元 completed in 2025
 * by the time of the bulletin, production planned by the end of 2026, 20 related firms), the 配套 firms of the 智能家电
 * chain, the 技改 of 先进制造业开发区's firms, 新郑's 电子信息产业园 (锐杰微, 华思光电, 威斯荻克, 优碧科技 and a fifth),
 * 中部陆港绿色数字项目. Figures the documents do not give are plausible and chosen so that the district and park
 * totals come out as the documents report them.
 */
final class Named {

    static final String AUX = "奥克斯智能空调基地项目";

    private Named() {
    }

    private static SeedComposer.Project p(String name, String owner, String district, String park, String chain,
                                          String industry, String type, String construction, boolean privateInv,
                                          boolean newLand, String eia, long total) {
        SeedComposer.Project p = new SeedComposer.Project();
        p.name = name;
        p.owner = owner;
        p.district = district;
        p.park = park;
        p.chain = chain;
        p.industry = industry;
        p.projectType = type;
        p.constructionType = construction;
        p.privateInvestment = privateInv;
        p.newLand = newLand;
        p.eia = eia;
        p.total = total;
        if (newLand) {
            p.landArea = java.math.BigDecimal.valueOf(total / 520.0).setScale(1, java.math.RoundingMode.HALF_UP);
            p.output = Math.round(p.landArea.doubleValue() * 760);
            p.tax = Math.round(p.landArea.doubleValue() * 45);
        } else {
            p.output = Math.round(total * 1.4);
            p.tax = Math.round(p.output * 0.05);
        }
        return p;
    }

    /** registered, declared, admitted, started, in production (null: not reached). */
    private static void dates(SeedComposer.Project p, String registered, String declared, String admitted,
                              String started, String production, String plannedProduction) {
        p.registeredAt = LocalDateTime.parse(registered + "T09:30");
        p.declaredOn = declared == null ? null : LocalDate.parse(declared);
        p.admittedOn = admitted == null ? null : LocalDate.parse(admitted);
        p.startedOn = started == null ? null : LocalDate.parse(started);
        p.productionOn = production == null ? null : LocalDate.parse(production);
        p.plannedStart = p.startedOn != null ? p.startedOn : p.registeredAt.toLocalDate().plusMonths(6).withDayOfMonth(1);
        p.plannedProduction = LocalDate.parse(plannedProduction);
    }

    /** Anchor figures of a year: month, cumulative 万元, month, cumulative, … */
    private static void year(SeedComposer.Project p, int year, long... monthAndValue) {
        TreeMap<Integer, Long> a = new TreeMap<>();
        for (int i = 0; i < monthAndValue.length; i += 2) {
            a.put((int) monthAndValue[i], monthAndValue[i + 1]);
        }
        p.anchors.put(year, a);
    }

    static List<SeedComposer.Project> all() {
        List<SeedComposer.Project> out = new ArrayList<>();
        String sj = SeedComposer.SHANGJIE;
        String xz = SeedComposer.XINZHENG;
        String kfq = SeedComposer.KAIFAQU;
        String dz = SeedComposer.DIANZI;

        SeedComposer.Project aux = p(AUX, "奥克斯（郑州）智能家电有限公司", sj, kfq, "智能家电", "C3851", "01", "NEW", true, true,
                "REPORT", 300_000);
        // stalled in 2024, fully resumed in 2025 (全面复工): 6.5亿元 completed by 1-7月 2025
        dates(aux, "2022-09-15", "2022-11-10", "2023-02-20", "2023-04-18", null, "2026-12-31");
        year(aux, 2023, 6, 26_500, 12, 52_000);
        year(aux, 2024, 6, 2_150, 12, 6_800);
        year(aux, 2025, 6, 41_500, 7, 65_000, 12, 98_000);
        year(aux, 2026, 6, 52_000, 10, 81_000);
        aux.leader = "区长";
        aux.taskForce = "智能家电产业链专班;先进制造业开发区项目服务专班";
        aux.note = "智能家电链主项目；引进相关配套企业20家；计划2026年底前建成投产";
        out.add(aux);

        SeedComposer.Project elec = p("河南奥克斯智能电气智能控制器项目", "河南奥克斯智能电气有限公司", sj, kfq, "智能家电", "C3823",
                "01", "NEW", true, true, "REPORT_FORM", 42_000);
        dates(elec, "2023-08-10", "2023-10-12", "2023-11-20", "2024-03-15", null, "2027-06-30");
        year(elec, 2024, 6, 6_900, 12, 15_600);
        year(elec, 2025, 6, 9_800, 12, 17_200);
        year(elec, 2026, 10, 6_100);
        elec.leader = "常务副区长";
        elec.taskForce = "智能家电产业链专班";
        out.add(elec);

        SeedComposer.Project tey = p("郑州特优高科空调核心零部件项目", "郑州特优高科有限公司", sj, kfq, "智能家电", "C3464", "01",
                "NEW", true, true, "REPORT_FORM", 36_000);
        dates(tey, "2023-06-05", "2023-08-01", "2023-09-12", "2023-10-20", "2026-04-16", "2026-04-30");
        year(tey, 2023, 12, 4_200);
        year(tey, 2024, 6, 8_300, 12, 14_500);
        year(tey, 2025, 6, 6_200, 12, 9_800);
        tey.taskForce = "智能家电产业链专班";
        out.add(tey);

        SeedComposer.Project hx = p("河南恒翔塑业精密注塑配套项目", "河南恒翔塑业有限公司", sj, kfq, "智能家电", "C2929", "01",
                "NEW", true, true, "REPORT_FORM", 12_000);
        dates(hx, "2025-01-08", "2025-02-20", "2025-03-18", "2025-04-25", null, "2027-03-31");
        year(hx, 2025, 6, 2_600, 12, 6_100);
        year(hx, 2026, 10, 3_900);
        out.add(hx);

        SeedComposer.Project ty = p("河南天缘新材料空调配套材料项目", "河南天缘新材料有限公司", sj, kfq, "智能家电", "C2659", "01",
                "NEW", true, true, "REPORT_FORM", 15_000);
        dates(ty, "2025-01-15", "2025-02-24", "2025-03-20", "2025-05-06", null, "2027-05-31");
        year(ty, 2025, 6, 3_100, 12, 7_400);
        year(ty, 2026, 10, 4_800);
        out.add(ty);

        // 技改 of the park's firms ("三化改造")
        SeedComposer.Project ge = p("国恩塑业改性塑料生产线技术改造项目", "郑州国恩塑业有限公司", sj, kfq, "智能家电", "C2929",
                "02", "RENOVATION", true, false, "REPORT_FORM", 9_500);
        dates(ge, "2023-01-05", "2023-02-01", "2023-03-06", "2023-03-20", "2024-10-15", "2024-10-31");
        year(ge, 2023, 6, 2_400, 12, 4_600);
        year(ge, 2024, 6, 2_300, 10, 4_100);
        out.add(ge);

        SeedComposer.Project jl = p("晋潞光电显示组件智能化技术改造项目", "郑州晋潞光电科技有限公司", sj, kfq, "智能家电", "C3976",
                "02", "RENOVATION", true, false, "REPORT_FORM", 7_800);
        dates(jl, "2023-01-10", "2023-02-06", "2023-03-08", "2023-03-22", "2025-02-20", "2025-02-28");
        year(jl, 2023, 6, 1_700, 12, 3_300);
        year(jl, 2024, 6, 1_900, 12, 3_700);
        out.add(jl);

        SeedComposer.Project gt = p("格泰制冷配件智能化改造项目", "郑州格泰制冷设备有限公司", sj, kfq, "智能家电", "C3464", "02",
                "RENOVATION", true, false, "REPORT_FORM", 6_200);
        dates(gt, "2023-12-18", "2024-01-22", "2024-03-12", "2024-03-28", "2025-10-10", "2025-10-31");
        year(gt, 2024, 6, 2_100, 12, 3_900);
        year(gt, 2025, 6, 900, 8, 1_600);
        out.add(gt);

        SeedComposer.Project wd = p("郑州沃德超硬材料扩能技术改造项目", "郑州沃德超硬材料有限公司", sj, kfq, "先进材料", "C3099",
                "02", "RENOVATION", true, false, "REPORT_FORM", 18_000);
        dates(wd, "2023-12-05", "2024-01-15", "2024-02-26", "2024-03-18", "2026-03-18", "2026-03-31");
        year(wd, 2024, 6, 4_300, 12, 9_100);
        year(wd, 2025, 6, 3_600, 12, 6_500);
        wd.note = "2024年河南省制造业单项冠军企业";
        out.add(wd);

        SeedComposer.Project qy = p("郑州轻研合金镁锂合金生产线技术改造项目", "郑州轻研合金科技有限公司", sj, kfq, "先进材料",
                "C3240", "02", "RENOVATION", true, false, "REPORT_FORM", 14_000);
        dates(qy, "2023-01-12", "2023-02-14", "2023-03-15", "2023-04-02", "2025-01-15", "2025-01-31");
        year(qy, 2023, 6, 2_500, 12, 5_600);
        year(qy, 2024, 6, 3_200, 12, 6_100);
        qy.note = "镁锂合金产品已在航空航天和民用领域批量供货";
        out.add(qy);

        SeedComposer.Project yz = p("豫中铝镁绿色工厂技术改造项目", "河南豫中铝镁有限公司", sj, kfq, "先进材料", "C3216", "02",
                "RENOVATION", true, false, "REPORT_FORM", 11_000);
        dates(yz, "2023-12-20", "2024-01-25", "2024-03-04", "2024-03-20", "2025-11-20", "2025-11-30");
        year(yz, 2024, 6, 2_600, 12, 5_200);
        year(yz, 2025, 6, 1_800, 9, 3_000);
        yz.note = "省级绿色工厂";
        out.add(yz);

        SeedComposer.Project zk = p("智控流体产业园项目", "郑州智控流体科技有限公司", sj, kfq, "高端装备", "C3443", "01", "NEW",
                true, true, "REPORT_FORM", 60_000);
        dates(zk, "2022-11-02", "2023-02-10", "2023-04-10", "2023-05-22", null, "2027-06-30");
        year(zk, 2023, 6, 5_500, 12, 16_000);
        year(zk, 2024, 6, 14_200, 12, 22_800);
        year(zk, 2025, 6, 6_000, 12, 9_500);
        year(zk, 2026, 10, 5_200);
        zk.leader = "副区长";
        zk.taskForce = "高端装备产业链专班";
        out.add(zk);

        SeedComposer.Project lg = p("中部陆港绿色数字项目", "郑州中部陆港物流有限公司", sj, null, null, "G5990", "01", "NEW", true,
                true, "REPORT_FORM", 85_000);
        dates(lg, "2024-01-16", "2024-03-20", "2024-05-20", "2024-07-01", null, "2027-12-31");
        year(lg, 2024, 6, 3_000, 12, 16_000);
        year(lg, 2025, 6, 14_000, 12, 28_000);
        year(lg, 2026, 10, 19_000);
        lg.leader = "区委常委";
        lg.taskForce = "新安路街道招商服务专班";
        lg.note = "集装箱+铁路+新能源短驳；定向招引煤炭企业8家入驻";
        out.add(lg);

        SeedComposer.Project fl = p("中国飞龙通用航空上街运营基地项目", "中国飞龙通用航空郑州有限公司", sj, SeedComposer.HANGKONG,
                null, "G5631", "01", "NEW", false, true, "REPORT_FORM", 26_000);
        dates(fl, "2025-02-10", "2025-04-08", "2025-05-12", "2025-06-18", null, "2027-06-30");
        year(fl, 2025, 6, 2_000, 12, 9_000);
        year(fl, 2026, 10, 7_500);
        fl.taskForce = "低空经济工作专班";
        out.add(fl);

        // 新郑市电子信息产业园: five electronic-information projects
        SeedComposer.Project rj = p("锐杰微国产SIP芯片研发与高端封测产业化项目", "锐杰微科技（郑州）有限公司", xz, dz, "电子信息",
                "C3973", "01", "NEW", true, true, "REPORT", 120_000);
        dates(rj, "2021-10-12", "2021-12-01", "2022-01-15", "2022-03-10", "2023-06-28", "2023-06-30");
        year(rj, 2023, 6, 18_000, 12, 24_000);
        rj.note = "月封装芯片6000万颗以上；产业基金股权投资7500万元";
        rj.leader = "市长";
        rj.taskForce = "电子信息产业专班";
        out.add(rj);

        SeedComposer.Project hs = p("华思光电MiniLED直显及背光模组项目", "河南华思光电科技有限公司", xz, dz, "电子信息", "C3974",
                "01", "NEW", true, true, "REPORT_FORM", 95_000);
        dates(hs, "2021-11-08", "2022-02-10", "2022-05-10", "2022-06-20", "2023-09-15", "2023-09-30");
        year(hs, 2023, 6, 15_000, 12, 26_000);
        hs.note = "5G新基建项目；填补省内MiniLED产业空白";
        hs.taskForce = "电子信息产业专班";
        out.add(hs);

        SeedComposer.Project ws = p("威斯荻克FPC及高清摄像头项目", "威斯荻克精密电路科技（郑州）有限公司", xz, dz, "电子信息",
                "C3982", "01", "NEW", true, true, "REPORT", 68_000);
        dates(ws, "2022-12-12", "2023-02-15", "2023-04-18", "2023-06-01", "2024-09-10", "2024-09-30");
        year(ws, 2023, 6, 4_000, 12, 15_000);
        year(ws, 2024, 6, 13_500, 12, 24_000);
        ws.taskForce = "电子信息产业专班";
        out.add(ws);

        SeedComposer.Project yb = p("优碧科技智能配网故障精确定位隔离一体化装置产线项目", "郑州优碧科技有限公司", xz, dz, "电子信息",
                "C3823", "01", "NEW", true, true, "REPORT_FORM", 30_000);
        dates(yb, "2026-08-05", null, null, null, null, "2028-06-30");
        yb.declaredOn = LocalDate.of(2026, 9, 30);
        yb.liveDeclaration = true;
        yb.note = "基金招商签约；产业基金股权投资1000万元";
        out.add(yb);

        SeedComposer.Project pz = p("电子信息产业园偏光片及光学膜材项目", "郑州显科光学材料有限公司", xz, dz, "电子信息", "C3985",
                "01", "NEW", true, true, "REPORT_FORM", 22_000);
        dates(pz, "2026-06-18", null, null, null, null, "2028-12-31");
        pz.note = "围绕华思光电延链补链，洽谈中";
        out.add(pz);

        SeedComposer.Project ws2 = p("新郑市电子元件清洗废水处理厂项目", "新郑市水务投资有限公司", xz, null, null, "N7712", "01",
                "NEW", false, true, "REPORT", 20_000);
        dates(ws2, "2022-01-20", "2022-03-02", "2022-04-11", "2022-05-05", "2023-12-20", "2023-12-31");
        year(ws2, 2023, 6, 4_000, 12, 6_000);
        ws2.note = "全省首家电子元件清洗废水处理厂";
        out.add(ws2);

        SeedComposer.Project sub = p("新郑市电子信息产业园配套变电站项目", "国网新郑市供电公司", xz, null, null, "D4420", "01",
                "NEW", false, true, "REPORT_FORM", 50_000);
        dates(sub, "2023-10-09", "2023-12-11", "2024-02-20", "2024-03-15", "2025-12-28", "2025-12-31");
        year(sub, 2024, 6, 9_000, 12, 21_000);
        year(sub, 2025, 6, 12_000, 12, 20_000);
        sub.note = "规划建设3个变电站，总投资5亿元";
        out.add(sub);
        return out;
    }
}
