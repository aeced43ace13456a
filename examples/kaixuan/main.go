// Kaixuan: the story of 凯旋街道's 凯益荟 "red incubator" (红色孵化器, the Kaixuan article)
// told with hubrules, composing the packages the way a street's system
// would:
//
//  1. the seed's figures (477 organizations, 23 leaders as branch
//     secretaries, …);
//  2. 双孵六同步: the six synchronizations (SYNC-1…6, registration, move-in,
//     management, annual report, re-election, evaluation) for several
//     organizations;
//  3. the "1+6+X" party structure: 1 committee, 6 general branches,
//     36 branches, 326 members (HUB-STRUCT-01);
//  4. the annual four-dimension assessment (GRD-ANNUAL-01);
//  5. one organization's journey 入壳 → 孵化 → 出壳 → 参与治理 with the
//     incubation Machine: a refused graduation listing every unmet
//     criterion, then graduation and engagement — the assessment score it
//     is judged on comes from step 4;
//  6. the 500,000-yuan micro-venture pool a year (FND-VENTURE-01);
//  7. the 2,000,000-yuan 美好凯旋 community foundation (FND-FOUND-01).
//
// Every input is a file under data/ (embedded, so `go run` works from any
// directory): change a number and rerun.
//
//	go run ./examples/kaixuan            # Chinese
//	go run ./examples/kaixuan -lang en   # English
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

// asOf is the evaluation date of the story: kaixuan's parameters are in
// force (the six synchronizations from 2011, the venture pool from 2012,
// the foundation's figures from 2019) and the structure's elections are
// recent.
var asOf = hubrules.MustParseDate("2024-06-30")

// figures are the seed's stated figures (data/figures.json).
type figures struct {
	Source               string `json:"source"`
	Orgs                 int    `json:"orgs"`
	GeneralBranches      int    `json:"general_branches"`
	Branches             int    `json:"branches"`
	PartyMembers         int    `json:"party_members"`
	LeadersAsSecretaries int    `json:"leaders_as_secretaries"`
	MembersDeveloped     int    `json:"members_developed"`
	GrassrootsLinked     int    `json:"grassroots_linked"`
	ActivitiesPerYear    int    `json:"activities_per_year"`
	VentureYears         int    `json:"venture_years"`
	VentureProjects      int    `json:"venture_projects"`
}

// journey is one organization's incubation, step by step
// (data/journey.json). A step with assessment_year takes its assessment
// score from that year's annual assessment (data/annual.json).
type journey struct {
	Subject string `json:"subject" validate:"required"`
	Steps   []struct {
		Date           hubrules.Date      `json:"date"`
		Trigger        incubation.Trigger `json:"trigger"`
		AssessmentYear int                `json:"assessment_year,omitempty"`
		Facts          json.RawMessage    `json:"facts"`
	} `json:"steps"`
}

func load(name string, v any) error { return show.Load(data, "data/"+name, v) }

func run(w io.Writer, lang string) error {
	p := show.New(w, lang)
	p.Linef("凯旋街道“凯益荟”红色孵化器（凯旋一文），评估日期 %s。", "Kaixuan street's 凯益荟 \"red incubator\" (the Kaixuan article), evaluated as of %s.", asOf)
	var f figures
	if err := load("figures.json", &f); err != nil {
		return err
	}
	figuresStep(p, f)
	if err := syncStep(p); err != nil {
		return err
	}
	if err := structureStep(p, f); err != nil {
		return err
	}
	scores, err := annualStep(p)
	if err != nil {
		return err
	}
	if err := journeyStep(p, scores); err != nil {
		return err
	}
	if err := ventureStep(p, f); err != nil {
		return err
	}
	return foundationStep(p)
}

// 1. The seed's stated figures.
func figuresStep(p show.Printer, f figures) {
	p.Heading("1. 种子中的数字", "1. The figures of the seed")
	p.Linef("  “凯益荟”共有登记备案类社会组织 %d 家（种子原文，%s）。", "  凯益荟 has %d registered or filed social organizations (stated in the seed, %s).", f.Orgs, f.Source)
	p.Linef("  已有 %d 名社会组织负责人担任党组织书记，累计发展党员 %d 名；结对联系社区草根社会组织 %d 家；每年组织活动超过 %d 场次（种子原文）。",
		"  %d organization leaders serve as party secretaries, %d party members recruited; %d grassroots organizations paired; over %d activities a year (stated in the seed).",
		f.LeadersAsSecretaries, f.MembersDeveloped, f.GrassrootsLinked, f.ActivitiesPerYear)
	r := hub.NewRate(f.LeadersAsSecretaries, f.Branches)
	p.Linef("  若每位负责人书记各领一个支部，则 %d 个支部中 %s 由社会组织负责人任书记（推算）。",
		"  If each of these leaders heads a different branch, %[2]s of the %[1]d branches have an organization leader as secretary (inferred).",
		f.Branches, r)
}

// 2. 双孵六同步: all six links for each organization.
func syncStep(p show.Printer) error {
	var raw []json.RawMessage
	if err := load("sync.json", &raw); err != nil {
		return err
	}
	c, err := hub.NewSyncChecker(hubrules.Kaixuan, asOf)
	if err != nil {
		return err
	}
	sp := c.Params()
	p.Heading("2. “双孵六同步”：登记、入驻、管理、年检、换届、评选（SYNC-1…6）", "2. 双孵六同步: registration, move-in, management, annual report, re-election, evaluation (SYNC-1…6)")
	p.Linef("  凯旋方案（%s）检查 %s；入驻后 %d 天内排摸，最近 %d 个完整季度每季至少 %d 次党建与业务联合活动。",
		"  Kaixuan's profile (%s) checks %s; census within %d days of move-in; in each of the last %d complete quarters at least %d joint party and business activity.",
		c.Profile().Name().In(p.L), strings.Join(c.Links().Rules(), ", "), sp.CensusMaxDays, sp.QuartersReviewed, sp.MinJointPerQuarter)
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
		verdict := p.T("六个环节全部同步", "all six links synchronized")
		if !res.Compliant() {
			verdict = p.T("未同步：", "not synchronized: ") + strings.Join(res.Failed().Rules(), ", ")
		}
		p.Linef("  %s（正式党员 %d 名，%s）：%s", "  %s (%d formal party members, %s): %s", org.ID, *org.FormalMembers, hubrules.Label(org.PartyForm).In(p.L), verdict)
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
			if l.Link == hub.LinkManagement && l.Outcome == hubrules.Fail {
				if l.RequiredForm != "" && !l.PartyForm.Meets(l.RequiredForm) {
					p.Linef("        正式党员 %d 名应为%s，现为%s", "        %d formal members require %s, has %s", l.FormalMembers, hubrules.Label(l.RequiredForm).In(p.L), hubrules.Label(l.PartyForm).In(p.L))
				}
				if l.QuartersShort > 0 {
					p.Linef("        %d 个季度中 %d 个不足，首个为 %s 起的季度", "        %d of %d quarters short, the first starting %s",
						l.QuartersChecked, l.QuartersShort, l.FirstShortQuarter)
				}
			}
		}
	}
	return nil
}

// 3. The "1+6+X" structure.
func structureStep(p show.Printer, f figures) error {
	b, err := data.ReadFile("data/structure.json")
	if err != nil {
		return err
	}
	s, err := hub.DecodeStructure(b)
	if err != nil {
		return err
	}
	c, err := hub.NewChecker(hubrules.Kaixuan, asOf)
	if err != nil {
		return err
	}
	r, err := c.CheckStructure(s, asOf)
	if err != nil {
		return err
	}
	p.Heading("3. “1+6+X”三级党组织架构（HUB-STRUCT-01）", "3. The \"1+6+X\" three-level party structure (HUB-STRUCT-01)")
	p.Linef("  由 %d 个党组织计算：党委 %d 个，党总支 %d 个，党支部 %d 个，即 %s；党员 %d 名（种子：党委下设 %d 个总支、%d 个党支部，党员 %d 名）。",
		"  Computed from %d bodies: %d committee, %d general branches, %d branches, i.e. %s; %d party members (seed: %d general branches, %d branches, %d members under the committee).",
		len(s.Bodies), r.Committees, r.GeneralBranches, r.Branches+r.JointBranches+r.ActivityBranches, r.Formula, r.Members,
		f.GeneralBranches, f.Branches, f.PartyMembers)
	p.Block(r.Report.Describe(p.L))
	return nil
}

// 4. The annual assessment: four rater groups score four dimensions.
func annualStep(p show.Printer) (map[int]hubrules.Points, error) {
	var in []grading.AnnualInput
	if err := load("annual.json", &in); err != nil {
		return nil, err
	}
	g, err := grading.NewGrader(hubrules.Kaixuan, asOf)
	if err != nil {
		return nil, err
	}
	p.Heading("4. 年度考评：独立运行、党组织建设、项目承接、满意度（GRD-ANNUAL-01）", "4. The annual assessment: independent operation, party building, projects, satisfaction (GRD-ANNUAL-01)")
	p.Line("  组织名称为示例（示例组织丁），各项评分为假设输入（假设）；种子只写明考评的四个方面。",
		"  The organization is a placeholder (示例组织丁) and every rating is an assumed input (assumed); the seed names only the four dimensions.")
	p.Linef("  街道领导、职能科室、相关专家、社区四类评价主体；维度与主体权重为示意参数（种子未公开，默认等权）。",
		"  Street leaders, departments, experts and communities rate; dimension and group weights are illustrative parameters (not published; equal by default).")
	scores := map[int]hubrules.Points{}
	for i := range in {
		r, err := g.Annual(&in[i])
		if err != nil {
			return nil, err
		}
		p.Linef("    %s %d 年：%s 分（精确值 %s，%s）", "    %s %d: %s points (exact %s, %s)", r.Org, r.Year, r.Score, r.Exact, r.Rounding)
		for _, f := range r.Findings {
			fmt.Fprintf(p.W, "      %s\n", f.Describe(p.L))
		}
		scores[r.Year] = r.Score
	}
	return scores, nil
}

// 5. 入壳 → 孵化 → 出壳 → 参与治理 with the incubation Machine.
func journeyStep(p show.Printer, scores map[int]hubrules.Points) error {
	var j journey
	if err := load("journey.json", &j); err != nil {
		return err
	}
	if len(j.Steps) == 0 {
		return errors.New("data/journey.json: no steps")
	}
	m, err := incubation.NewMachine(hubrules.Kaixuan, j.Steps[0].Date)
	if err != nil {
		return err
	}
	p.Heading("5. 一个组织的全周期：入壳 → 孵化 → 出壳 → 参与治理（INC-*）", "5. One organization's full cycle: move in → incubate → graduate → govern (INC-*)")
	p.Line("  组织名称为示例（示例组织丁），各步骤的日期和事实均为假设输入（假设）。",
		"  The organization is a placeholder (示例组织丁); every step's date and facts are assumed inputs (assumed).")
	rec := incubation.NewRecord(j.Subject)
	for i, s := range j.Steps {
		facts, err := incubation.DecodeFacts(s.Facts)
		if err != nil {
			return fmt.Errorf("data/journey.json steps[%d]: %w", i, err)
		}
		if s.AssessmentYear != 0 {
			v, ok := scores[s.AssessmentYear]
			if !ok {
				return fmt.Errorf("data/journey.json steps[%d]: no %d assessment in data/annual.json", i, s.AssessmentYear)
			}
			// the grading score goes in exactly as computed, in tenths
			facts.AssessmentScore = incubation.ScoreOf(v)
			p.Linef("  （出壳评估采用 %d 年度考评得分 %s）", "  (graduation uses the %d annual assessment, %s points)", s.AssessmentYear, v)
		}
		var d incubation.Decision
		rec, d, err = m.Fire(rec, s.Trigger, facts, s.Date)
		if err != nil {
			return err
		}
		res := p.T("通过", "fired")
		if !d.Fired() {
			res = p.T("被拒绝", "refused")
		}
		p.Linef("  %s %s：%s → %s，%s", "  %s %s: %s → %s, %s", s.Date, d.Trigger.Name().In(p.L), d.From.Name().In(p.L), d.To.Name().In(p.L), res)
		for _, c := range d.Unmet() {
			fmt.Fprintf(p.W, "      [%s] %s", c.Rule, c.Message.In(p.L))
			if len(c.Facts) > 0 {
				parts := make([]string, len(c.Facts))
				for k, f := range c.Facts {
					parts[k] = f.Name + "=" + f.Value
				}
				fmt.Fprintf(p.W, " (%s", strings.Join(parts, ", "))
				if c.Param != "" {
					fmt.Fprintf(p.W, "; %s=%s", c.Param, c.Threshold)
				}
				fmt.Fprint(p.W, ")")
			}
			fmt.Fprintln(p.W)
		}
		if s.Trigger == incubation.Admit || s.Trigger == incubation.Extend {
			p.Linef("      孵化期至 %s", "      term ends %s", rec.TermEnd)
		}
	}
	replayed, err := incubation.Replay(rec.History)
	if err != nil {
		return err
	}
	p.Linef("  历史共 %d 条（含被拒绝的一次），重放得到状态 %s（INC-HIST-01）。", "  %d history entries (the refusal included); replaying them gives state %s (INC-HIST-01).", len(rec.History), replayed.State.Name().In(p.L))
	return nil
}

// 6. The micro-venture pool: 500,000 yuan a year.
func ventureStep(p show.Printer, f figures) error {
	var in funding.VentureInput
	if err := load("venture.json", &in); err != nil {
		return err
	}
	e, err := funding.NewEvaluator(hubrules.Kaixuan, asOf)
	if err != nil {
		return err
	}
	r, err := e.Venture(in)
	if err != nil {
		return err
	}
	p.Heading("6. 每年 50 万元公益微创投大赛基金（FND-VENTURE-01）", "6. The 500,000-yuan micro-venture fund a year (FND-VENTURE-01)")
	p.Line("  资金池为种子数字（每年 50 万元）；项目名称、评分和申请额为假设输入（假设）。",
		"  The pool is the seed's figure (500,000 a year); the projects' names, scores and requests are assumed inputs (assumed).")
	capRef, _ := e.Basis().Param("venture.cap")
	p.Linef("  资金池 %s（%s，参数 venture.pool），单项上限 %s（参数 venture.cap；另一城市的数字：%s，可信度 %s，种子未给凯旋的上限）：",
		"  Pool %s (%s, parameter venture.pool), per-project cap %s (parameter venture.cap; another city's figure: %s, confidence %s, the seed gives no Kaixuan cap):",
		r.Pool, r.Pool.Wan(), e.Params().Venture.Cap, capRef.Source.Issuer, capRef.Confidence)
	for _, a := range r.Awards {
		fmt.Fprintf(p.W, "    %2d. %s %s: %s / %s — %s\n", a.Rank, a.ID, a.Score, a.Amount, a.Request, a.Why.In(p.L))
	}
	p.Linef("  已分配 %s，结余 %s。", "  Awarded %s, left over %s.", r.Awarded, r.Leftover)
	ten, _ := r.Pool.MulInt(int64(f.VentureYears))
	per, _ := ten.DivInt(int64(f.VentureProjects), funding.HalfUp)
	p.Linef("  种子：十年来累计扶持创投项目 %d 余个；%d 年 × %s = %s，平均每个项目至多约 %s。",
		"  Seed: over %d venture projects in ten years; %d years × %s = %s, at most about %s per project on average.",
		f.VentureProjects, f.VentureYears, r.Pool, ten, per)
	return nil
}

// 7. The 美好凯旋 community foundation.
func foundationStep(p show.Printer) error {
	e, err := funding.NewEvaluator(hubrules.Kaixuan, asOf)
	if err != nil {
		return err
	}
	r, err := e.Foundation("美好凯旋", funding.FoundationFigures{})
	if err != nil {
		return err
	}
	p.Heading("7. 200 万元“美好凯旋”社区发展基金会（FND-FOUND-01）", "7. The 2,000,000-yuan 美好凯旋 community development foundation (FND-FOUND-01)")
	p.Linef("  原始基金 %s（%s），理事单位 %d 家，募集社会资金 %s（%s），开发项目 %d 个。",
		"  Founding capital %s (%s), %d member directors, %s (%s) raised, %d projects.",
		r.Figures.Founding, r.Figures.Founding.Wan(), r.Figures.Directors, r.Figures.Raised, r.Figures.Raised.Wan(), r.Figures.Projects)
	p.Linef("  募集额为原始基金的 %s 倍，平均每个项目 %s。", "  Raised is %s times the founding capital; %s per project on average.", r.Ratio, r.PerProject)
	p.Block(r.Describe(p.L))
	return nil
}
