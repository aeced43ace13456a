// Jingan: the story of 静安区's hub-type party building (枢纽型党建, seed
// 001) told with hubrules, package by package, the way a district system
// would compose them:
//
//  1. the district's registered figures (996 organizations, 2,475 party
//     members, 177 party organizations, coverage 90.6 %, 151 at 3A+);
//  2. party work synchronized at registration, annual report and grading
//     (同步把好党建关: jingan's profile of the six synchronizations);
//  3. the 15,000,000-yuan annual special fund over its four areas
//     (FND-BUDGET-01);
//  4. purchased services: contracts with tranches, one stopped by a failed
//     mid-term evaluation, and the 2018 figures (FND-PURCHASE-01/02);
//  5. a venture-philanthropy round (FND-VENTURE-01);
//  6. the three-level incubation network (INC-NET-01);
//  7. the 14 streets' 7 general branches + 6 branches + 1 joint branch
//     (HUB-STRUCT-01);
//  8. star-rated party organizations (GRD-STAR-01).
//
// Every input is a file under data/ (embedded, so `go run` works from any
// directory): change a number and rerun.
//
//	go run ./examples/jingan            # Chinese
//	go run ./examples/jingan -lang en   # English
package main

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/examples/internal/show"
	"github.com/hubrules/hubrules/funding"
	"github.com/hubrules/hubrules/grading"
	"github.com/hubrules/hubrules/hub"
	"github.com/hubrules/hubrules/incubation"
)

//go:embed data/*.json
var data embed.FS

func main() { show.Main(run) }

// figures are the seed's stated figures (data/figures.json).
type figures struct {
	Source          string `json:"source"`
	RegisteredOrgs  int    `json:"registered_orgs"`
	Staff           int    `json:"staff"`
	PartyMembers    int    `json:"party_members"`
	PartyOrgs       int    `json:"party_orgs"`
	CoveragePercent string `json:"coverage_percent"`
	Orgs3APlus      int    `json:"orgs_3a_plus"`
	Streets         int    `json:"streets"`
	VentureSince    int    `json:"venture_since"`
	VentureProjects int    `json:"venture_projects"`
	VentureAmount   string `json:"venture_amount"`
}

// ledgerOp is one operation on the special fund (data/ledger.json).
type ledgerOp struct {
	Op      funding.OpKind `json:"op"`
	Area    string         `json:"area"`
	Project string         `json:"project"`
	Amount  string         `json:"amount"`
}

// contractCase is one purchase contract and what happened to it
// (data/contracts.json). A missing mid-term date means the schedule has no
// mid-term tranche.
type contractCase struct {
	Contract    funding.ContractInput `json:"contract"`
	Signed      hubrules.Date         `json:"signed"`
	MidtermPass bool                  `json:"midterm_pass"`
	Midterm     hubrules.Date         `json:"midterm"`
	FinalPass   bool                  `json:"final_pass"`
	Final       hubrules.Date         `json:"final"`
}

// The dates of the evaluation: the story is told as of the end of 2018,
// the year of the jingan article (the six-synchronization profile is in
// force from 2016-01-01, the 2018 purchase figures from 2018-01-01).
var (
	asOf     = hubrules.MustParseDate("2018-12-31")
	fundYear = hubrules.MustParseDate("2018-01-01")
)

// stage names a purchase contract's stage.
func stage(p show.Printer, s funding.Stage) string {
	switch s {
	case funding.StageApproved:
		return p.T("立项", "approved")
	case funding.StageProcured:
		return p.T("采购", "procured")
	case funding.StageMonitored:
		return p.T("监管", "monitored")
	case funding.StageEvaluated:
		return p.T("评估完成", "evaluated")
	case funding.StageStopped:
		return p.T("终止", "stopped")
	}
	return string(s)
}

func run(w io.Writer, lang string) error {
	p := show.New(w, lang)
	p.Linef("静安区枢纽型党建（静安一文），评估日期 %s。", "Jing'an district hub-type party building (the Jing'an article), evaluated as of %s.", asOf)
	steps := []func(show.Printer) error{figuresStep, syncStep, ledgerStep, purchaseStep, ventureStep, networkStep, structureStep, starsStep}
	for _, step := range steps {
		if err := step(p); err != nil {
			return err
		}
	}
	return nil
}

func load(name string, v any) error { return show.Load(data, "data/"+name, v) }

// 1. The seed's figures. The library computes the rates it can; the counts
// are stated, not derived.
func figuresStep(p show.Printer) error {
	var f figures
	if err := load("figures.json", &f); err != nil {
		return err
	}
	p.Heading("1. 种子中的登记数字", "1. The registered figures of the seed")
	p.Linef("  登记注册社会组织 %d 家，从业人员 %d 名，其中党员 %d 名，党组织 %d 个（种子原文，%s）。",
		"  %d registered social organizations, %d staff, of whom %d party members, %d party organizations (stated in the seed, %s).",
		f.RegisteredOrgs, f.Staff, f.PartyMembers, f.PartyOrgs, f.Source)
	p.Linef("  党组织覆盖率 %s%%（种子原文）。", "  Party-organization coverage %s%% (stated in the seed).", f.CoveragePercent)
	// The seed gives the rate, not the count covered: the count below is the
	// one whose rate, rounded half-up to one decimal, is the seed's.
	covered := coveredFor(f.RegisteredOrgs, f.CoveragePercent)
	if covered >= 0 {
		r := hub.NewRate(covered, f.RegisteredOrgs)
		p.Linef("  反推：覆盖 %s（hub.Rate 四舍五入到一位小数，与种子的 %s%% 一致；覆盖家数为推算，种子未给出）。",
			"  Back-computed: covered %s (hub.Rate, half-up to one decimal, matches the seed's %s%%; the covered count is inferred, the seed does not state it).",
			r, f.CoveragePercent)
	}
	// How the 90.6 % reads: even if every one of the 177 party
	// organizations were a joint branch covering the most units HUB-FORM-03
	// allows, organizational coverage could not reach it.
	hc, err := hub.NewChecker(hubrules.Jingan, asOf)
	if err != nil {
		return err
	}
	units := hc.Params().JointBranchMaxUnits
	most := hub.NewRate(min(f.PartyOrgs*units, f.RegisteredOrgs), f.RegisteredOrgs)
	p.Linef("  读法：种子的党组织 %d 个，即使每个都是覆盖 %d 个单位（HUB-FORM-03 上限）的联合党支部，组织覆盖至多 %d × %d = %s，达不到 %s%%；故本例把 %s%% 读作工作覆盖率（含选派党建指导员、联络员的组织），不是组织覆盖率。",
		"  Reading: the seed's %d party organizations, even if each were a joint branch over %d units (the HUB-FORM-03 maximum), give organizational coverage of at most %d × %d = %s, short of %s%%; this example reads %s%% as work coverage (organizations with an instructor or liaison included), not organizational coverage.",
		f.PartyOrgs, units, f.PartyOrgs, units, most, f.CoveragePercent, f.CoveragePercent)
	r3a := hub.NewRate(f.Orgs3APlus, f.RegisteredOrgs)
	p.Linef("  规范化等级评估 3A 级以上 %d 家，占登记总数 %s。", "  %d organizations graded 3A or above: %s of those registered.", f.Orgs3APlus, r3a)
	return nil
}

// coveredFor returns the smallest count out of total whose rate, rounded to
// one decimal, is percent; -1 when there is none.
func coveredFor(total int, percent string) int {
	for n := 0; n <= total; n++ {
		if hub.NewRate(n, total).Percent() == percent {
			return n
		}
	}
	return -1
}

// 2. 同步把好党建关: SYNC-1 (work plan and legal-representative interview at
// registration), SYNC-4 (party section in the annual report) and SYNC-6
// (party building assessed in grading).
func syncStep(p show.Printer) error {
	var raw []json.RawMessage
	if err := load("sync.json", &raw); err != nil {
		return err
	}
	c, err := hub.NewSyncChecker(hubrules.Jingan, asOf)
	if err != nil {
		return err
	}
	p.Heading("2. 登记、年检（年报）、等级评估时同步把好党建关", "2. Party work synchronized at registration, annual report and grading")
	p.Linef("  静安方案（%s）检查 %s；登记时要求：%s。", "  Jingan's profile (%s) checks %s; at registration it requires: %s.",
		c.Profile().Name().In(p.L), strings.Join(c.Links().Rules(), ", "), strings.Join(c.Params().SYNC1Requires, ", "))
	p.Line("  以下各组织的事件日期均为假设输入（假设）：种子只写明做法，没有给出任何组织的记录；未同步的组织用示例名称（示例组织甲……）。",
		"  Every event date below is an assumed input (assumed): the seed states the method, not any organization's records; organizations shown not synchronized carry invented names (示例组织甲 …).")
	for i, b := range raw {
		org, err := hub.DecodeSyncOrg(b)
		if err != nil {
			return fmt.Errorf("data/sync.json[%d]: %w", i, err)
		}
		res, err := c.Check(org, asOf)
		if err != nil {
			return err
		}
		verdict := p.T("同步", "synchronized")
		if !res.Compliant() {
			verdict = p.T("未同步", "not synchronized")
		}
		p.Linef("  %s（正式党员 %d 名）：%s", "  %s (%d formal party members): %s", org.ID, *org.FormalMembers, verdict)
		for _, l := range res.Links {
			if !l.Checked {
				continue
			}
			fmt.Fprintf(p.W, "    [%s] %s — %s: %s\n", l.Rule(), l.Link.Name().In(p.L), p.Outcome(l.Outcome), l.Message().In(p.L))
			for _, r := range l.Unmet.List() {
				if r != l.Reason {
					fmt.Fprintf(p.W, "        + %s\n", r.Text().In(p.L))
				}
			}
			for _, y := range l.ReportYears() {
				if y.Outcome == hubrules.Fail {
					p.Linef("        %d 年度（截止 %s）：%s", "        report year %d (due %s): %s", y.Year, y.Deadline, strings.Join(y.Unmet, ", "))
				}
			}
			for _, ev := range l.EvidenceList() {
				if ev.Applies && ev.Seen && ev.Timed && !ev.Met {
					p.Linef("        %s %s：业务事件后 %d 天，期限 %d 天", "        %s on %s: %d days after the business event, window %d days",
						ev.Kind.Name().In(p.L), ev.Date, ev.DaysApart, ev.WindowDays)
				}
			}
		}
	}
	return nil
}

// 3. The 15,000,000-yuan special fund as a ledger that cannot be overdrawn.
func ledgerStep(p show.Printer) error {
	e, err := funding.NewEvaluator(hubrules.Jingan, fundYear)
	if err != nil {
		return err
	}
	l, err := e.Ledger()
	if err != nil {
		return err
	}
	p.Heading("3. 每年 1500 万元社会组织发展专项资金（FND-BUDGET-01）", "3. The 15,000,000-yuan annual development fund (FND-BUDGET-01)")
	p.Line("  各笔承诺、拨付和释放为假设输入（假设）；种子只给出每年 1500 万元。",
		"  Every commitment, payment and release is an assumed input (assumed); the seed gives only the 15,000,000 a year.")
	p.Linef("  %d 年度专项资金 %s（%s），分四个领域（份额未公开，按参数均分为示意）：", "  The %d special fund: %s (%s), over four areas (shares not published; split evenly by the parameter, illustrative):",
		fundYear.Year(), l.Annual(), l.Annual().Wan())
	for _, a := range l.Areas() {
		fmt.Fprintf(p.W, "    %-12s %s %s\n", a.Code, a.Name.In(p.L), a.Limit)
	}
	var ops []ledgerOp
	if err := load("ledger.json", &ops); err != nil {
		return err
	}
	for _, op := range ops {
		amt, err := funding.ParseMoney(op.Amount)
		if err != nil {
			return err
		}
		l, err = l.Apply(funding.Entry{Op: op.Op, Area: op.Area, Project: op.Project, Amount: amt})
		if err != nil {
			return err
		}
	}
	p.Linef("  执行 %d 笔操作（立项承诺、拨付、释放）后：", "  After %d operations (commitments, payments, releases):", len(ops))
	p.Linef("    领域         限额           已承诺         已拨付         可用", "    area         limit          committed      paid           free")
	for _, a := range l.Areas() {
		fmt.Fprintf(p.W, "    %-12s %-14s %-14s %-14s %s\n", a.Code, a.Limit, a.Committed, a.Paid, a.Free)
	}
	t := l.Totals()
	fmt.Fprintf(p.W, "    %-12s %-14s %-14s %-14s %s\n", p.T("合计", "total"), t.Limit, t.Committed, t.Paid, t.Free)
	// An over-commitment is refused; the ledger stays as it was.
	_, err = l.Commit("incentive", "超额奖励", funding.Yuan(3000000))
	p.Linef("  再向“评价激励”承诺 3000000.00：拒绝 — %s", "  Committing another 3000000.00 to incentives: refused — %s", errText(err, p.L))
	return nil
}

// 4. Government purchase of services: 立项 → 采购 → 监管 → 评估 with tranches,
// and the 2018 published figures.
func purchaseStep(p show.Printer) error {
	e, err := funding.NewEvaluator(hubrules.Jingan, fundYear)
	if err != nil {
		return err
	}
	p.Heading("4. 政府购买服务（FND-PURCHASE-01/02）", "4. Government purchase of services (FND-PURCHASE-01/02)")
	p.Line("  三份合同及其金额、日期和评估结果为假设输入（假设）；立项数和资金总额为种子数字。",
		"  The three contracts with their amounts, dates and evaluations are assumed inputs (assumed); the project count and the total are the seed's.")
	s, err := e.PurchaseReport()
	if err != nil {
		return err
	}
	p.Linef("  %d 年：全区 %d 个部门 %d 个项目通过立项，涉及资金 %s（%s），平均每个项目 %s。",
		"  %d: %d departments, %d projects approved, %s (%s) in all, %s per project on average.",
		s.Reported.Year, s.Reported.Departments, s.Reported.Projects, s.Reported.Amount, s.Reported.Amount.Wan(), s.PerProject)
	var cases []contractCase
	if err := load("contracts.json", &cases); err != nil {
		return err
	}
	for _, cc := range cases {
		in, _ := e.InCatalogue(cc.Contract.Service)
		c, err := e.NewContract(cc.Contract)
		if err != nil {
			return err
		}
		p.Linef("  合同 %s（%s，%s，基础保障类目录内：%s）", "  Contract %s (%s, %s, in the basic-guarantee catalogue: %s)", c.ID, c.Service, c.Amount, p.Yes(in))
		if c, err = c.Procure(); err != nil {
			return err
		}
		if c, err = c.Release(0, cc.Signed); err != nil {
			return err
		}
		if c, err = c.Monitor(); err != nil {
			return err
		}
		next := 1
		if !cc.Midterm.IsZero() {
			if c, err = c.RecordMidTerm(cc.MidtermPass); err != nil {
				return err
			}
			c2, err := c.Release(next, cc.Midterm)
			if err != nil {
				p.Linef("    中期评估不合格：合同终止，后续拨付被拒绝 — %v", "    Mid-term evaluation failed: the contract stops and later tranches are refused — %v", errText(err, p.L))
			} else {
				c = c2
				next++
			}
		}
		if c.Stage != funding.StageStopped && !cc.Final.IsZero() {
			if c, err = c.RecordFinal(cc.FinalPass); err != nil {
				return err
			}
			if c, err = c.Release(next, cc.Final); err != nil {
				return err
			}
		}
		for _, tr := range c.Tranches {
			state := p.T("未拨付", "not released")
			if tr.Released {
				state = p.T("已拨付 ", "released ") + tr.Date.String()
			}
			fmt.Fprintf(p.W, "    %-8s %s %s  %s\n", tr.Milestone, tr.Share, tr.Amount, state)
		}
		p.Linef("    阶段 %s，已拨付 %s / %s", "    stage %s, released %s of %s", stage(p, c.Stage), c.Released(), c.Amount)
	}
	return nil
}

// errText renders a refusal in one language: an input error's field
// messages, or a refused contract step's unmet criteria.
func errText(err error, l hubrules.Lang) string {
	var te *funding.TransitionError
	if errors.As(err, &te) {
		parts := make([]string, len(te.Unmet))
		for i, u := range te.Unmet {
			parts[i] = u.In(l)
		}
		return te.Rule + ": " + strings.Join(parts, "; ")
	}
	var ie *hubrules.InputError
	if errors.As(err, &ie) {
		return strings.Join(ie.Messages(l), "; ")
	}
	return err.Error()
}

// 5. A venture-philanthropy round (公益创投).
func ventureStep(p show.Printer) error {
	var f figures
	if err := load("figures.json", &f); err != nil {
		return err
	}
	var in funding.VentureInput
	if err := load("venture.json", &in); err != nil {
		return err
	}
	e, err := funding.NewEvaluator(hubrules.Jingan, fundYear)
	if err != nil {
		return err
	}
	r, err := e.Venture(in)
	if err != nil {
		return err
	}
	p.Heading("5. 公益创投（FND-VENTURE-01）", "5. Venture philanthropy (FND-VENTURE-01)")
	amount := funding.MustParseMoney(f.VentureAmount)
	avg, _ := amount.DivInt(int64(f.VentureProjects), funding.HalfUp)
	p.Linef("  种子：自 %d 年开展以来累计资助公益创投项目 %d 个，共计 %s（%s），平均每个 %s。",
		"  Seed: since %d, %d venture projects funded, %s (%s) in all, %s each on average.",
		f.VentureSince, f.VentureProjects, amount, amount.Wan(), avg)
	capRef, _ := e.Basis().Param("venture.cap")
	p.Linef("  本轮示意（假设）：资金池 %s、各项目名称、评分和申请额均为假设输入；按评分排序，单项上限 %s（参数 venture.cap）。",
		"  An illustrative round (assumed): the pool %s and every project's name, score and request are assumed inputs; allocated by rank under the per-project cap of %s (parameter venture.cap).", r.Pool, e.Params().Venture.Cap)
	p.Linef("  注意：这一上限是另一城市的数字（%s《%s》，%s，可信度 %s），不是静安的规定；静安种子的平均每项 %s（%s ÷ %d）远高于它，静安的单项上限种子未给出。",
		"  Note: this cap is another city's figure (%s, %s, %s, confidence %s), not a Jing'an rule; the seed's Jing'an average of %s a project (%s ÷ %d) is far above it, and the seed gives no Jing'an cap.",
		capRef.Source.Issuer, strings.Trim(capRef.Source.Title.In(p.L), "〔〕[]"), capRef.Source.Place, capRef.Confidence, avg, amount, f.VentureProjects)
	for _, a := range r.Awards {
		fmt.Fprintf(p.W, "    %d. %s %s: %s / %s — %s\n", a.Rank, a.ID, a.Score, a.Amount, a.Request, a.Why.In(p.L))
	}
	p.Linef("  已分配 %s，结余 %s。", "  Awarded %s, left over %s.", r.Awarded, r.Leftover)
	return nil
}

// 6. The three-level incubation network: one base per incubatee.
func networkStep(p show.Printer) error {
	var en []incubation.Enrolment
	if err := load("network.json", &en); err != nil {
		return err
	}
	p.Heading("6. 区级基地、社会基地、公益实践园三级培育孵化网络（INC-NET-01）", "6. The three-level incubation network: district base, social bases, practice park (INC-NET-01)")
	p.Line("  各孵化对象及其所在基地为假设输入（假设）；种子只写明三级网络。",
		"  The incubatees and their bases are assumed inputs (assumed); the seed names only the three-level network.")
	for _, e := range en {
		fmt.Fprintf(p.W, "    %s → %s\n", e.Subject, e.Base.Name().In(p.L))
	}
	m, err := incubation.NewMachine(hubrules.Jingan, asOf)
	if err != nil {
		return err
	}
	r, err := m.CheckNetwork(en)
	if err != nil {
		return err
	}
	// The network rule reads no parameter: the report's basis is the
	// programme and the date only.
	p.Linef("  项目 %s，评估日 %s，检查 %d 个孵化对象：", "  Programme %s, as of %s: %d incubatees checked:", r.Basis.Programme, r.Basis.AsOf, len(r.Checks))
	for _, f := range r.Findings {
		fmt.Fprintf(p.W, "    %s\n", f.Describe(p.L))
	}
	return nil
}

// 7. The 14 streets: 7 general branches, 6 branches, 1 joint branch.
func structureStep(p show.Printer) error {
	b, err := data.ReadFile("data/structure.json")
	if err != nil {
		return err
	}
	s, err := hub.DecodeStructure(b)
	if err != nil {
		return err
	}
	c, err := hub.NewChecker(hubrules.Jingan, asOf)
	if err != nil {
		return err
	}
	r, err := c.CheckStructure(s, asOf)
	if err != nil {
		return err
	}
	p.Heading("7. 14 个街镇社服中心、社联会党组织全覆盖（HUB-STRUCT-01）", "7. Party bodies of the 14 streets' hubs (HUB-STRUCT-01)")
	p.Linef("  评估日期 %s（届期按该日计算）；各党组织 2017-11-01 换届为假设输入（假设），按换届之日有效的党章（2017 年修改本）任期三至五年。",
		"  Evaluated as of %s (terms are counted to that date); every body's election on 2017-11-01 is an assumed input (assumed), under the term of the constitution in force that day (2017 revision: three to five years).", asOf)
	p.Linef("  %d 个街镇：党总支 %d 家，党支部 %d 家，联合支部 %d 家（种子：7 + 6 + 1）。",
		"  %d streets: %d general branches, %d branches, %d joint branch (seed: 7 + 6 + 1).",
		len(s.Bodies), r.GeneralBranches, r.Branches, r.JointBranches)
	p.Linef("  库的“1+N+X”公式为 %s（无区级党委；X 含联合支部）。", "  The library's \"1+N+X\" formula is %s (no district committee here; X counts the joint branch).", r.Formula)
	p.Block(r.Report.Describe(p.L))
	return nil
}

// 8. Star-rated party organizations (星级党组织评定). The indicator sheet and
// bands are illustrative parameters: jingan's own measures are not public.
func starsStep(p show.Printer) error {
	var in []grading.StarInput
	if err := load("stars.json", &in); err != nil {
		return err
	}
	g, err := grading.NewGrader(hubrules.Jingan, asOf)
	if err != nil {
		return err
	}
	p.Heading("8. 星级社会组织党组织评定（GRD-STAR-01）", "8. Star-rated party organizations (GRD-STAR-01)")
	p.Line("  各党组织的评分为假设输入（假设）；种子只写明开展星级评定。",
		"  Every body's scores are assumed inputs (assumed); the seed says only that star ratings are given.")
	p.Linef("  指标与分档为示意参数（静安评定办法原文未取得）。", "  The indicators and bands are illustrative parameters (jingan's measures were not obtained).")
	for i := range in {
		r, err := g.Stars(&in[i])
		if err != nil {
			return err
		}
		p.Linef("    %s：%s/%s 分 → %d 星", "    %s: %s/%s points → %d stars", r.Org, r.Score, r.Max, r.Stars)
		for _, f := range r.Findings {
			fmt.Fprintf(p.W, "      %s\n", f.Describe(p.L))
		}
	}
	return nil
}
