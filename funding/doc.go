// Package funding holds the money rules of hub-type party building
// (枢纽型党建) and social-organization incubation: fees, special funds,
// government purchase of services, venture philanthropy, pay and
// allowances, charity spending and donations — exact to the fen.
//
// # Money
//
// Money is yuan (元) exact to the fen (分): int64 fen inside, with
// shopspring/decimal at the boundary. JSON carries it as a string "1234.50".
// Rounding is named at every call (HalfUp 四舍五入 by default, HalfEven
// banker's, Down, Exact). Nothing in the package uses binary floating point.
// Allocate splits an amount by weights with the largest-remainder method,
// ties to the lower index, so that the parts always add up to the amount.
//
// # Rules (docs/rules.md)
//
//   - FND-FEE-01 项目管理费: the hub's fee (lujiazui 10 %), inside the total or on top.
//   - FND-SUPPORT-01 扶持期: five years from the 2014 transformation (lujiazui 2014–2018, last day 2018-12-31).
//   - FND-BUDGET-01 专项资金: jingan's 15,000,000 yuan a year over four areas
//     (培育扶持, 能力建设, 评价激励, 项目资助) as a Ledger that cannot be overdrawn.
//   - FND-PURCHASE-01/02 政府购买服务: 立项 → 采购 → 监管 → 评估, tranches released by
//     milestones (illustrative 40/30/30), the catalogue (基础保障类目录) as data.
//   - FND-VENTURE-01 公益创投: a pool (wuliqiao 300,000 seed fund, kaixuan
//     500,000 a year) split among ranked projects under caps.
//   - FND-FOLLOW-01 资金跟着项目走: every disbursement names an approved project
//     or purchased post (xiyuan, 334,000 yuan in 2013).
//   - FND-PAY-01 薪酬: base, performance, technical, post and qualification
//     pay; the average-wage floor; 三岗十八级; social insurance and housing fund.
//   - FND-PAY-02 持证津贴: monthly allowance by certificate level.
//   - FND-CHARITY-01 慈善支出: 民发〔2016〕189号 spending floors and management caps.
//   - FND-DONATE-01 捐赠扣除: 12 % of profit with a 3-year carry-forward
//     counted from the tax year of the excess (2016 → 2017–2019) for gifts
//     from 2016-09-01; an expired carry is reported, not refused; 30 % for
//     individuals.
//   - FND-START-01 启动资金: 50,000 yuan after one year of normal operation.
//   - FND-FOUND-01 社区基金会: kaixuan's 2,000,000-yuan 美好凯旋 foundation.
//
// Every number a city or year can change is a parameter in params.yaml with
// its provenance; an Evaluator resolves them once for a programme and date.
// Rules through time (施行日): the Evaluator is prepared on any date, and a
// rule whose text was not in force on it answers not in force (未施行) with
// the day its parameters start — a computation as a *hubrules.NotInForceError,
// a check inside a result as a NotInForce check with its notice — while the
// other rules are decided normally. The foundation rules run from the 1988
// measures and 《基金会管理条例》 (2004-06-01, art. 29: 70 % of last year's
// income, staff and office costs ≤ 10 %) through the Charity Law
// (2016-09-01) to 民发〔2016〕189号 (2016-10-20); enterprise donations from
// the 2008 law, the carry-forward from 2016-09-01. Start decides on its own
// asOf: another date than the Evaluator's is resolved again (or, with
// WithResolved, refused as other_date).
// Every result carries an Explanation: the basis, each arithmetic step with
// its rounding, the checks and the findings.
package funding
