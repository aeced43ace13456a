package grading_test

import (
	"fmt"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
)

func ExampleGrader_Grade() {
	g, err := grading.NewGrader(hubrules.Xiyuan, hubrules.MustParseDate("2024-06-01"))
	if err != nil {
		panic(err)
	}
	s := grading.ScoreSheet{Org: "西园某社会组织", LegalForm: hubrules.SocialGroup, PartyForm: hubrules.Liaison, FormalPartyMembers: hubrules.Ptr(0),
		Scores: []grading.ItemScore{
			{Item: "legal_person", Points: hubrules.Ptr(hubrules.MustPoints("30"))}, {Item: "charter", Points: hubrules.Ptr(hubrules.MustPoints("15"))},
			{Item: "registration", Points: hubrules.Ptr(hubrules.MustPoints("20"))}, {Item: "annual_inspection", Points: hubrules.Ptr(hubrules.MustPoints("15"))},
			{Item: "planning", Points: hubrules.Ptr(hubrules.MustPoints("20"))}, {Item: "organization", Points: hubrules.Ptr(hubrules.MustPoints("90"))},
			{Item: "governance_other", Points: hubrules.Ptr(hubrules.MustPoints("240"))}, {Item: "performance", Points: hubrules.Ptr(hubrules.MustPoints("390"))},
			{Item: "social_evaluation", Points: hubrules.Ptr(hubrules.MustPoints("140"))},
		},
		Bonus: hubrules.MustPoints("20")}
	r, err := g.Grade(&s)
	if err != nil {
		panic(err)
	}
	for _, in := range r.Indicators {
		fmt.Println(in.Name.ZH, in.Score, "/", in.Max)
	}
	fmt.Println("total", r.Total, "band", r.BandGrade, r.Band.Describe(), "grade", r.Grade)
	for _, f := range r.Findings {
		fmt.Println(f.Describe(hubrules.EN))
	}
	// Output:
	// 基础条件 80 / 80
	// 内部治理 361.2 / 370
	// 工作绩效 390 / 400
	// 社会评价 140 / 150
	// total 991.2 band 5A (950, ∞) grade 4A
	// [GRD-PARTY-01 per Shanghai social organization evaluation indicators (2025 edition), 行业协会商会指标·党组织（8分）] 西园某社会组织: the party set-up item is not at full marks for this form (party_form=liaison, score=11.2, max=15)
	// [GRD-PARTY-01 per Shanghai social organization evaluation indicators (2025 edition), 行业协会商会指标·党组织（8分）] 西园某社会组织: no party organization: the grade is capped (band_grade=5A, party.cap_without_org=4A, party_form=liaison)
	// [GRD-LEVEL-01 per Measures for the Administration of Social Organization Evaluation (民政部令第39号), 第八条至第十条] 西园某社会组织: the score bands are not verified (illustrative); the grade is indicative only (param=level.bands, confidence=illustrative, programme=xiyuan, from=2021-09-23)
}

func ExampleStanding_At() {
	asOf := hubrules.MustParseDate("2028-07-01")
	s, err := grading.NewStanding(hubrules.National, asOf)
	if err != nil {
		panic(err)
	}
	rec := grading.OrgRecord{Org: "某基金会", Registered: hubrules.MustParseDate("2012-03-01"),
		Award: &grading.Award{Grade: hubrules.Grade4A, Announced: hubrules.MustParseDate("2026-04-20")},
		Inspections: []grading.Inspection{
			{Year: 2026, Result: grading.BasicallyPassed, Concluded: hubrules.MustParseDate("2027-05-31")},
			{Year: 2027, Result: grading.BasicallyPassed, Concluded: hubrules.MustParseDate("2028-05-31")},
		}}
	r, err := s.At(&rec, asOf)
	if err != nil {
		panic(err)
	}
	fmt.Println("measures", r.Measures, "valid", r.ValidFrom, "to", r.ValidUntil, r.Valid)
	for _, dg := range r.Downgrades {
		fmt.Println("downgrade", dg.Date, dg.Cause, dg.From, "→", dg.To, "certificate back by", dg.ReturnBy)
	}
	fmt.Println("effective", r.EffectiveGrade, r.Privileges)
	fmt.Println("may apply", r.MayApply, "simplified", r.Simplified)
	// Output:
	// measures 2026 valid 2027-01-01 to 2031-12-31 true
	// downgrade 2028-05-31 inspection_basically_passed 4A → 3A certificate back by 2028-06-15
	// effective 3A [purchase_priority function_transfer_priority award_priority tax_deduction_application]
	// may apply true simplified true
}

func ExampleWhatIf() {
	date := hubrules.MustParseDate("2024-06-01")
	base, _ := grading.NewGrader(hubrules.Kaixuan, date)
	over := hubrules.MustParseParams([]byte(`package: grading
parameters:
  party.weight_percent:
    description: {zh: 党建权重加倍（假设）}
    values:
      - {programme: kaixuan, from: 2020-01-01, value: 200, confidence: illustrative, source: {document: what-if}}
`))
	p, b, err := grading.Resolve(hubrules.Kaixuan, date, grading.WithParams(grading.DefaultParamSet().Overlay(over)))
	if err != nil {
		panic(err)
	}
	alt, _ := grading.NewGrader(b.Programme, b.AsOf, grading.WithResolved(p, b))
	sheets := []grading.ScoreSheet{
		{Org: "甲", LegalForm: hubrules.CommunityOrg, PartyForm: hubrules.OwnBranch, FormalPartyMembers: hubrules.Ptr(3), Scores: []grading.ItemScore{
			{Item: "party_activity", Points: hubrules.Ptr(hubrules.MustPoints("3"))}, {Item: "party_role", Points: hubrules.Ptr(hubrules.MustPoints("3"))},
			{Item: "annual_report", Points: hubrules.Ptr(hubrules.MustPoints("20"))}, {Item: "business", Points: hubrules.Ptr(hubrules.MustPoints("26"))},
			{Item: "social_evaluation", Points: hubrules.Ptr(hubrules.MustPoints("20"))}, {Item: "finance", Points: hubrules.Ptr(hubrules.MustPoints("6"))},
			// Every item is scored; a missing one would be an InputError.
			{Item: "organization", Points: hubrules.Ptr(hubrules.Pt(0))}, {Item: "leader", Points: hubrules.Ptr(hubrules.Pt(0))}, {Item: "hr", Points: hubrules.Ptr(hubrules.Pt(0))},
			{Item: "major_matters", Points: hubrules.Ptr(hubrules.Pt(0))}, {Item: "archives", Points: hubrules.Ptr(hubrules.Pt(0))}}},
	}
	r, err := grading.WhatIf(base, alt, sheets)
	if err != nil {
		panic(err)
	}
	for _, c := range r.Changed {
		fmt.Println(c.Org, c.BaseGrade, c.BaseTotal, "→", c.AltGrade, c.AltTotal, c.Steps, c.Reasons)
	}
	// Output:
	// 甲 3A 80 → 4A 81.4 1 [total_changed]
}

func ExampleGrader_Annual() {
	g, _ := grading.NewGrader(hubrules.Kaixuan, hubrules.MustParseDate("2024-01-10"))
	r4 := func(group, a, b, c, d string) grading.Rating {
		return grading.Rating{Group: group, Scores: []grading.DimensionScore{
			{Dimension: "independent_operation", Points: hubrules.Ptr(hubrules.MustPoints(a))}, {Dimension: "party_building", Points: hubrules.Ptr(hubrules.MustPoints(b))},
			{Dimension: "projects", Points: hubrules.Ptr(hubrules.MustPoints(c))}, {Dimension: "satisfaction", Points: hubrules.Ptr(hubrules.MustPoints(d))}}}
	}
	r, err := g.Annual(&grading.AnnualInput{Org: "凯旋某社区社会组织", Year: 2023, Ratings: []grading.Rating{
		r4("street_leaders", "90", "95", "85", "92"), r4("departments", "88", "90", "80", "90"),
		r4("experts", "85", "92", "83", "88"), r4("communities", "92", "90", "86", "95.5")}})
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Exact, r.Score, r.Rounding)
	// Output:
	// 2843/32 88.8 half_up_tenth
}
