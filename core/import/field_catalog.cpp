#include "core/import/field_catalog.h"

#include <map>

#include "core/import/text_norm.h"

namespace il::import {
namespace {

constexpr unsigned P = kind_bit(RecordKind::Projects);
constexpr unsigned R = kind_bit(RecordKind::Renovations);
constexpr unsigned D = kind_bit(RecordKind::Deals);
using VT = ValueType;
using PR = PeriodRole;

const std::vector<FieldDef>& table() {
    static const std::vector<FieldDef> t = {
        // key, label, kinds, type, period, synonyms, choices
        {"ignore", "（不导入）", P | R | D, VT::Ignore, PR::None,
         {"序号", "编号", "排序", "占年度计划%", "占年度计划", "完成年度计划%", "完成年度计划", "占年计划%",
          "完成率", "完成率%", "错误原因", "同比增长", "同比增长%", "同比", "同比%", "增速", "增速%", "占比", "占比%"}},
        {"code", "项目代码", P, VT::Code, PR::None,
         {"项目代码", "项目编码", "统一项目代码", "全国统一项目代码", "项目编号", "项目代码(统一代码)", "代码"}},
        {"name", "项目名称", P | R | D, VT::Text, PR::None,
         {"项目名称", "名称", "项目", "项目名", "技改项目名称", "招商项目名称", "签约项目名称", "项目(名称)"}},
        {"enterprise", "企业名称", R, VT::Text, PR::None,
         {"企业名称", "企业", "实施企业", "项目单位", "建设单位", "企业(单位)名称", "单位名称"}},
        {"owner", "建设单位", P, VT::Text, PR::None,
         {"建设单位", "项目单位", "业主单位", "项目业主", "实施单位", "项目建设单位", "投资主体", "建设主体",
          "企业名称", "项目法人"}},
        {"investor", "投资方", D, VT::Text, PR::None,
         {"投资方", "投资主体", "投资商", "客商", "签约企业", "合作方", "投资企业", "投资方名称", "签约客商"}},
        {"filing_number", "备案号", R, VT::Code, PR::None,
         {"备案号", "备案文号", "项目备案号", "备案编号", "备案代码", "备案(核准)文号", "立项备案号"}},
        {"region", "所属县市区", P | R | D, VT::Region, PR::None,
         {"所属县市区", "县(市、区)", "县市区", "所属县(市、区)", "县(市区)", "所属县(市区)", "县区", "所属县区",
          "所属地区", "地区", "区域", "所属区域", "属地", "县(市)区", "所在县(市、区)", "所在县市区", "所属县"}},
        {"zone", "开发区", P | R | D, VT::Zone, PR::None,
         {"开发区", "园区", "所属开发区", "所属园区", "开发区(园区)", "所在园区", "所在开发区", "园区名称",
          "开发区名称", "所属开发区(园区)"}},
        {"site", "建设地点", P, VT::Text, PR::None,
         {"建设地点", "所在地", "项目地址", "地点", "选址", "项目地点", "建设地址", "项目所在地"}},
        {"industry", "国民经济行业", P | R | D, VT::Industry, PR::None,
         {"国民经济行业", "行业", "所属行业", "行业分类", "国民经济行业分类", "行业门类"}},
        {"category", "产业类别", P | D, VT::Category, PR::None,
         {"产业类别", "产业分类", "所属产业", "产业领域", "产业", "产业方向", "产业类型", "所属产业类别"}},
        {"nature", "建设性质", P, VT::Choice, PR::None,
         {"建设性质", "项目性质", "性质"}, {"新建", "扩建", "改建", "迁建"}},
        {"level", "项目级别", P, VT::Choice, PR::None,
         {"项目级别", "级别", "重点级别", "项目层级", "重点类别"}, {"省重点", "市重点", "县重点"}},
        {"stage", "建设阶段", P, VT::Choice, PR::None,
         {"建设阶段", "项目状态", "项目阶段", "阶段", "状态", "进展阶段", "建设状态", "项目类型"},
         {"谋划", "前期", "新开工", "续建", "竣工", "投产", "停缓建", "取消"}},
        {"stage", "建设阶段", R, VT::Choice, PR::None,
         {"建设阶段", "项目状态", "项目阶段", "阶段", "状态", "进展阶段", "建设状态"},
         {"前期", "新开工", "续建", "竣工", "投产", "停缓建", "取消"}},
        {"stage", "进展阶段", D, VT::Choice, PR::None,
         {"进展阶段", "项目进展", "阶段", "状态", "项目状态", "进展情况", "推进阶段"},
         {"线索", "洽谈", "签约", "注册", "开工", "投产", "终止"}},
        {"kind", "技改类型", R, VT::Choice, PR::None,
         {"技改类型", "改造类型", "类型", "技改方向", "改造方向"}, {"智能化", "绿色化", "扩能", "其他"}},
        {"total_investment", "总投资", P | R, VT::Amount, PR::None,
         {"总投资", "计划总投资", "项目总投资", "总投资额", "投资总额", "估算总投资", "概算总投资"}},
        {"equipment_investment", "设备投资", R, VT::Amount, PR::None,
         {"设备投资", "设备购置投资", "其中设备投资", "其中:设备投资", "设备购置费", "设备投资额"}},
        {"in_statistics", "是否入统", R, VT::Bool, PR::None, {"是否入统", "入统", "是否纳入统计", "入统情况"}},
        {"expected_output", "新增产值", R, VT::Amount, PR::None,
         {"新增产值", "预计新增产值", "达产后新增产值", "达产新增产值"}},
        {"expected_tax", "新增利税", R, VT::Amount, PR::None,
         {"新增利税", "预计新增利税", "达产后新增利税", "达产新增利税"}},
        {"contract_amount", "签约额", D, VT::Money, PR::None,
         {"签约额", "合同额", "协议额", "签约金额", "合同金额", "协议金额", "协议投资额", "签约投资额", "投资额",
          "总投资", "计划总投资", "合同投资额"}},
        // 到位资金 in 万元 (total, foreign funds included at their CNY value) or 万美元 (外资)
        {"funds", "到位资金", D, VT::Money, PR::Funds,
         {"到位资金", "实际到位资金", "累计到位", "累计到位资金", "到位", "实际到位", "到位金额", "到位额", "资金到位",
          "已到位资金", "到位资金额", "实际到位金额", "资金到位情况", "累计实际到位", "累计实际到位资金", "到位外资",
          "实际到位外资", "累计到位外资", "实际利用外资", "到位外资额", "外资到位"}},
        {"funds_rate", "汇率", D, VT::Text, PR::None,
         {"汇率", "美元汇率", "折算汇率", "兑换汇率", "人民币汇率", "汇率(人民币/美元)", "美元兑人民币汇率", "折合汇率"}},
        {"origin", "来源地", D, VT::Choice, PR::None,
         {"来源地", "投资来源", "资金来源地", "来源", "客商来源地", "投资方来源地", "项目来源地"},
         {"北京", "天津", "省内", "省外", "境外"}},
        {"country", "国别", D, VT::Text, PR::None, {"国别", "国家", "国家(地区)", "国别(地区)", "国家或地区"}},
        {"signing_event", "签约活动", D, VT::Text, PR::None, {"签约活动", "签约平台", "签约会议", "签约场合", "签约活动名称"}},
        {"contract_type", "签约类型", D, VT::Choice, PR::None, {"签约类型", "合同类型", "签约形式", "协议类型"},
         {"合同", "协议", "意向"}},
        {"lead_date", "线索时间", D, VT::Date, PR::None, {"线索时间", "获取线索时间", "线索日期", "接洽时间"}},
        {"negotiation_date", "洽谈时间", D, VT::Date, PR::None, {"洽谈时间", "洽谈日期"}},
        {"signed_date", "签约时间", D, VT::Date, PR::None, {"签约时间", "签约日期"}},
        {"registered_date", "注册时间", D, VT::Date, PR::None, {"注册时间", "注册日期"}},
        {"started_date", "开工时间", D, VT::Date, PR::None, {"开工时间", "开工日期"}},
        {"operating_date", "投产时间", D, VT::Date, PR::None, {"投产时间", "投产日期"}},
        {"planned_start", "计划开工时间", P | R, VT::Date, PR::None,
         {"计划开工时间", "计划开工日期", "计划开工", "拟开工时间", "预计开工时间", "开工时间(计划)"}},
        {"planned_completion", "计划竣工时间", P | R, VT::Date, PR::None,
         {"计划竣工时间", "计划竣工日期", "计划竣工", "计划建成时间", "预计竣工时间", "拟竣工时间", "计划完工时间",
          "竣工时间(计划)"}},
        {"actual_start", "实际开工时间", P | R, VT::Date, PR::None,
         {"实际开工时间", "实际开工日期", "开工时间", "开工日期"}},
        {"actual_completion", "实际竣工时间", P | R, VT::Date, PR::None,
         {"实际竣工时间", "实际竣工日期", "竣工时间", "竣工日期", "建成时间"}},
        {"content", "建设内容", P, VT::Text, PR::None,
         {"建设内容", "建设规模及内容", "主要建设内容", "建设规模和内容", "项目内容", "建设内容及规模", "建设规模",
          "主要建设内容及规模"}},
        {"leader", "包联领导", P, VT::Leader, PR::None,
         {"包联领导", "包联市领导", "包联县级领导", "分包领导", "联系领导", "包联领导(职务)", "包联责任领导", "包抓领导"}},
        {"leader_title", "领导职务", P, VT::Text, PR::None, {"领导职务", "包联领导职务", "职务"}},
        {"responsible_unit", "责任单位", P, VT::Text, PR::None, {"责任单位", "牵头单位", "推进责任单位", "责任部门"}},
        {"contact_person", "联系人", P | D, VT::Text, PR::None, {"联系人", "项目联系人", "客商联系人", "对接人"}},
        {"contact_phone", "联系电话", P | D, VT::Code, PR::None, {"联系电话", "电话", "联系方式", "手机"}},
        {"is_jingjin", "京津项目", P, VT::Bool, PR::None, {"是否京津项目", "京津项目", "是否京津合作项目"}},
        {"is_foreign", "外资", P | D, VT::Bool, PR::None, {"是否外资", "外资项目", "是否外资项目", "外资"}},
        {"notes", "备注", P | R | D, VT::Text, PR::None, {"备注", "说明", "备注说明"}},
        {"annual_plan", "年度计划投资", P | R, VT::Amount, PR::AnnualPlan,
         {"计划投资", "年度计划投资", "年度计划", "计划完成投资", "年计划投资", "计划投资额", "年度投资计划",
          "投资计划", "计划"}},
        {"completed_ytd", "累计完成投资", P | R, VT::Amount, PR::CompletedYtd,
         {"累计完成", "累计完成投资", "自年初累计完成", "自年初累计完成投资", "年度累计完成", "累计完成投资额",
          "年初至今完成投资"}},
        {"completed_month", "本月完成投资", P | R, VT::Amount, PR::CompletedMonth,
         {"本月完成", "本月完成投资", "当月完成", "当月完成投资", "月度完成投资", "本月完成额"}},
        // "1-6月完成投资" (year to date) or "6月完成投资" (that month): the months decide
        {"completed", "完成投资", P | R, VT::Amount, PR::Completed,
         {"完成投资", "完成", "完成额", "实际完成投资", "实际完成", "已完成投资", "完成投资额", "投资完成额",
          "完成投资情况", "投资完成"}},
        {"image_progress", "形象进度", P, VT::Text, PR::MonthText,
         {"形象进度", "工程形象进度", "项目进展情况", "进展情况", "建设进度", "进度", "目前进展", "项目进展",
          "形象进度情况", "工程进度"}},
        {"problems", "存在问题", P, VT::Text, PR::MonthText,
         {"存在问题", "存在的问题", "问题", "困难和问题", "存在问题及建议", "存在困难和问题", "需协调解决的问题"}},
    };
    return t;
}

}  // namespace

const char* kind_name(RecordKind kind) {
    switch (kind) {
        case RecordKind::Projects: return "projects";
        case RecordKind::Renovations: return "renovations";
        case RecordKind::Deals: return "deals";
    }
    return "projects";
}

std::optional<RecordKind> parse_kind(std::string_view s) {
    if (s == "projects" || s == "project" || s == "项目") return RecordKind::Projects;
    if (s == "renovations" || s == "renovation" || s == "技改") return RecordKind::Renovations;
    if (s == "deals" || s == "deal" || s == "招商") return RecordKind::Deals;
    return std::nullopt;
}

const std::vector<FieldDef>& field_catalog() { return table(); }

const FieldDef* find_field(RecordKind kind, std::string_view key) {
    for (const auto& f : table())
        if ((f.kinds & kind_bit(kind)) && f.key == key) return &f;
    return nullptr;
}

const FieldDef* field_for_header(RecordKind kind, std::string_view core) {
    std::string n = normalize_label(core);
    if (n.empty()) return nullptr;
    for (const auto& f : table()) {
        if (!(f.kinds & kind_bit(kind))) continue;
        for (auto syn : f.synonyms)
            if (syn == n) return &f;
    }
    // "其中：到位外资" names the same field as "到位外资"
    for (std::string_view part : {"其中:", "其中"})
        if (starts_with(n, part) && n.size() > part.size()) return field_for_header(kind, n.substr(part.size()));
    return nullptr;
}

std::optional<std::string> resolve_choice(const FieldDef& field, std::string_view text) {
    std::string n = normalize_label(text);
    for (auto c : field.choices)
        if (c == n) return std::string(c);
    // Common ways of writing the same value
    static const std::map<std::string, std::string, std::less<>> aliases = {
        {"在建", "续建"}, {"续建项目", "续建"}, {"新开工项目", "新开工"}, {"已开工", "新开工"}, {"开工", "新开工"},
        {"已竣工", "竣工"}, {"建成", "竣工"}, {"已建成", "竣工"}, {"已投产", "投产"}, {"投产达效", "投产"},
        {"前期项目", "前期"}, {"谋划项目", "谋划"}, {"储备", "谋划"}, {"停建", "停缓建"}, {"缓建", "停缓建"},
        {"停工", "停缓建"}, {"已取消", "取消"}, {"省级重点", "省重点"}, {"市级重点", "市重点"}, {"县级重点", "县重点"},
        {"省重点项目", "省重点"}, {"市重点项目", "市重点"}, {"县重点项目", "县重点"}, {"新建项目", "新建"},
        {"扩建项目", "扩建"}, {"已签约", "签约"}, {"已注册", "注册"}, {"在谈", "洽谈"}, {"洽谈中", "洽谈"},
        {"正式合同", "合同"}, {"框架协议", "协议"}, {"意向协议", "意向"}, {"国外", "境外"}, {"港澳台", "境外"},
        {"境外(含港澳台)", "境外"}, {"智能化改造", "智能化"}, {"绿色化改造", "绿色化"}, {"扩能改造", "扩能"}};
    auto it = aliases.find(n);
    if (it != aliases.end())
        for (auto c : field.choices)
            if (c == it->second) return it->second;
    return std::nullopt;
}

}  // namespace il::import
