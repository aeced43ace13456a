package incubation_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/incubation"
)

// A kaixuan (凯益荟) organization from application to governing: 入壳孵化 →
// 成长 → a refused graduation that lists every unmet criterion → 成熟出壳 →
// 参与治理, then the history replays to the same record.
func Example() {
	m, err := incubation.NewMachine(hubrules.Kaixuan, hubrules.MustParseDate("2023-03-01"))
	if err != nil {
		panic(err)
	}
	rec := incubation.NewRecord("既有住宅加装电梯服务中心")
	show := func(d incubation.Decision) { fmt.Printf("%s %s: %s → %s\n", d.Trigger, d.Outcome, d.From, d.To) }

	rec, d, _ := m.Fire(rec, incubation.Admit, incubation.Facts{Actor: "凯益荟党委", ServesCommunity: true, Leader: "王阿姨",
		CensusDone: true, EntryMode: incubation.AsOrganization, Base: incubation.SocialBase}, hubrules.MustParseDate("2023-03-01"))
	show(d)
	fmt.Println("term ends", rec.TermEnd, "class", rec.Class.Name(hubrules.Kaixuan).ZH)

	rec, d, _ = m.Fire(rec, incubation.Promote, incubation.Facts{Actor: "凯益荟"}, hubrules.MustParseDate("2023-09-01"))
	show(d)

	// the first try at graduation: a filed organization with one party member
	// in no branch, no project yet, assessment 58, satisfaction 79 %
	rec, d, _ = m.Fire(rec, incubation.Graduate, incubation.Facts{Actor: "评估组", Registration: incubation.Filed,
		OwnBoard: true, OwnAccounts: false, PremisesAgreement: true, FormalMembers: hubrules.Ptr(1), PartyForm: hubrules.NoPartyForm,
		ProjectsDelivered: hubrules.Ptr(0), AssessmentScore: incubation.ScoreOf(hubrules.Pt(58)), SatisfactionPercent: incubation.ScoreOf(hubrules.Pt(79))},
		hubrules.MustParseDate("2024-01-15"))
	show(d)
	for _, c := range d.Unmet() {
		fmt.Printf("  [%s] %s %v", c.Rule, c.Code, c.Facts)
		if c.Param != "" {
			fmt.Printf(" vs %s=%s", c.Param, c.Threshold)
		}
		fmt.Println()
	}
	if f, over := incubation.Overdue(rec, hubrules.MustParseDate("2024-03-01")); over {
		fmt.Println(f.Describe(hubrules.EN))
	}
	rec, d, _ = m.Fire(rec, incubation.Extend, incubation.Facts{Actor: "凯益荟"}, hubrules.MustParseDate("2024-03-01"))
	show(d)
	fmt.Println("term ends", rec.TermEnd)

	rec, d, _ = m.Fire(rec, incubation.Graduate, incubation.Facts{Actor: "评估组", Registration: incubation.Filed,
		OwnBoard: true, OwnAccounts: true, PremisesAgreement: true, FormalMembers: hubrules.Ptr(1), PartyForm: hubrules.JointBranch,
		ProjectsDelivered: hubrules.Ptr(2), AssessmentScore: incubation.ScoreOf(hubrules.Pt(82)), SatisfactionPercent: incubation.ScoreOf(hubrules.Pt(93))},
		hubrules.MustParseDate("2024-06-20"))
	show(d)

	rec, d, _ = m.Fire(rec, incubation.Engage, incubation.Facts{Actor: "凯旋街道", GovernanceProject: incubation.ClaimedProject},
		hubrules.MustParseDate("2024-07-01"))
	show(d)

	_, _, err = m.Fire(rec, incubation.Exit, incubation.Facts{}, hubrules.MustParseDate("2024-08-01"))
	fmt.Println(errors.Is(err, incubation.ErrTransitionNotAllowed))

	replayed, err := incubation.Replay(rec.History)
	fmt.Println(len(rec.History), "entries; replay gives", replayed.State, err == nil)
	// Output:
	// admit fired: applied → incubating
	// term ends 2024-02-29 class 初创型
	// promote fired: incubating → growing
	// graduate refused: growing → growing
	//   [INC-GRAD-01] own_accounts [own_accounts=false]
	//   [INC-GRAD-01] party_coverage [party_form=none formal_members=1 required_form=joint_branch] vs graduation.branch_min_formal_members=3
	//   [INC-GRAD-01] projects_delivered [projects_delivered=0] vs graduation.min_projects=1
	//   [INC-GRAD-01] assessment_score [assessment_score=58] vs graduation.min_assessment=60
	//   [INC-GRAD-01] satisfaction_percent [satisfaction_percent=79] vs graduation.min_satisfaction_percent=80
	// [INC-PERIOD-01 per [the incubation period of the NPI non-profit incubator], “在孵化器里大概一年”] 既有住宅加装电梯服务中心: the incubation term is over without graduation or extension (term_end=2024-02-29, as_of=2024-03-01, days_overdue=1, extensions_used=0)
	// extend fired: growing → growing
	// term ends 2024-08-31
	// graduate fired: growing → graduated
	// engage fired: graduated → governing
	// true
	// 6 entries; replay gives governing true
}

// A trigger the state does not allow is an error that names the state and
// the triggers it allows.
func ExampleTransitionError() {
	m, _ := incubation.NewMachine(hubrules.Jingan, hubrules.MustParseDate("2024-01-01"))
	_, _, err := m.Fire(incubation.NewRecord("x"), incubation.Graduate, incubation.Facts{}, hubrules.MustParseDate("2024-01-02"))
	var te *incubation.TransitionError
	if errors.As(err, &te) {
		fmt.Println(te.State, te.Trigger, te.Allowed)
	}
	// Output: applied graduate [admit reject]
}

func ExampleOverdue() {
	rec, _ := incubation.Replay([]incubation.Entry{{Date: hubrules.MustParseDate("2025-01-10"), Trigger: incubation.Admit, Subject: "org",
		From: incubation.Applied, To: incubation.Incubating, Outcome: incubation.Fired, Programme: hubrules.Wuliqiao,
		TermStart: hubrules.MustParseDate("2025-01-10"), TermEnd: hubrules.MustParseDate("2026-01-09")}})
	for _, d := range []string{"2026-01-09", "2026-01-10"} {
		_, over := incubation.Overdue(rec, hubrules.MustParseDate(d))
		fmt.Println(d, over)
	}
	// Output:
	// 2026-01-09 false
	// 2026-01-10 true
}

func ExampleStrategyFor() {
	s, _ := incubation.StrategyFor(incubation.Sprouting)
	fmt.Println(s.Name.ZH)
	for _, x := range s.Measures {
		fmt.Println("-", x.ZH)
	}
	// Output:
	// 孵化扶持，促进生存发展
	// - 公益创投种子基金
	// - 社区公益项目创投大赛
	// - 骨干培训、指导项目方案
}

func ExampleStepPath() {
	s, _ := incubation.StepPath(incubation.ResidentActivist, incubation.CommunityOrg)
	fmt.Println(s.Allowed, s.Finding.Message.EN)
	// Output: false the growth path moves one level at a time; skipping is refused
}

func ExampleMermaid() {
	fmt.Print(incubation.Mermaid()[:16])
	// Output: stateDiagram-v2
}

// A registry that counts one organization at two bases of jingan's
// three-level network: a finding, not an error.
func ExampleMachine_CheckNetwork() {
	m, _ := incubation.NewMachine(hubrules.Jingan, hubrules.MustParseDate("2018-12-31"))
	r, _ := m.CheckNetwork([]incubation.Enrolment{
		{Subject: "青凤老年生活护理服务社", Base: incubation.DistrictBase},
		{Subject: "创想中心项目组", Base: incubation.SocialBase},
		{Subject: "青凤老年生活护理服务社", Base: incubation.PracticePark},
	})
	fmt.Println(r.Basis.Programme, r.Basis.AsOf, len(r.Basis.Params), "parameters")
	for _, f := range r.Findings {
		fmt.Println(f.Describe(hubrules.EN))
	}
	// Output:
	// jingan 2018-12-31 0 parameters
	// [INC-NET-01 per [social organizations in Jing'an's social governance under party leadership], 二、基本做法·（三）搭建枢纽平台·二是构建社会组织培育孵化网络] 青凤老年生活护理服务社: the incubatee is enrolled at more than one base; it must belong to exactly one (base=district_base, base=practice_park)
}

func ExampleAllowed() {
	for _, s := range []incubation.State{incubation.Applied, incubation.Incubating, incubation.Graduated, incubation.Exited} {
		fmt.Println(s, incubation.Allowed(s))
	}
	// Output:
	// applied [admit reject]
	// incubating [promote extend exit terminate]
	// graduated [engage]
	// exited []
}

// Scores are exact to a tenth: a grading result's Score passes in as it is,
// and is written out as a quoted decimal.
func ExampleScoreOf() {
	f := incubation.Facts{AssessmentScore: incubation.ScoreOf(hubrules.MustPoints("59.5")), SatisfactionPercent: incubation.ScoreOf(hubrules.Pt(80))}
	data, _ := json.Marshal(f)
	fmt.Println(string(data))
	// Output: {"assessment_score":"59.5","satisfaction_percent":"80"}
}
