// Package grading encodes the evaluation and rating of social organizations
// (社会组织评估): the standardization grades 5A…1A (规范化等级评估), the place
// of party building in them, the rules on who may be evaluated, how long a
// grade lasts, when it is lowered and what it entitles to, and the local
// assessments of the seeds (docs/rules.md).
//
// Grading (GRD-LEVEL-01). An indicator sheet (评估指标) is data: first-level
// indicators (一级指标: 基础条件, 内部治理, 工作绩效 — for 社会服务机构
// 业务活动和诚信建设 — and 社会评价) made of second-level items (二级指标)
// with maximum points, per legal form (社会团体, 社会服务机构, 基金会 and
// 社区社会组织), per programme and dated. Points are exact tenths (Points):
// Shanghai's 0.5 and 3.5 never pass through floats. A ScoreSheet → total
// (bonus capped as the profile says) → grade by a band table whose edges each
// say whether they are inclusive; tables with gaps or overlaps are refused
// when the parameters are resolved. xiyuan uses the Anhui 1000-point bands
// (verified); the Shanghai and Hangzhou profiles carry illustrative 100-point
// bands and every grade computed with them carries a notice finding.
//
// Party building (GRD-PARTY-01, 党建). The party set-up item (党组织建立) is
// scored from the party-organization form: own, joint or activity
// (functional) branch full marks, liaison or instructor (党建联络员/指导员)
// part marks, none zero. Gates: Shanghai 2025 应建未建不予参评 (≥3 formal
// members and no party organization: not evaluated); Anhui (怀宁) no party
// organization, no 5A. jingan's heavier party weight is party.weight_percent.
//
// Standing (GRD-ELIG-01, GRD-VALID-01, GRD-DOWN-01, GRD-PRIV-01). What an
// organization may do on a date — its effective grade after downgrades
// (降级), whether the grade is valid (有效期), its privileges (待遇: 3A+
// priority for purchased services 政府购买服务, transferred functions and
// awards, and the donation tax-deduction qualification 公益性捐赠税前扣除资格;
// 4A+ simplified annual inspection 简化年检) and whether it may apply for
// evaluation and why not — is one call, Standing.At. GRD-DOWN-01 counts only
// the inspections concluded inside the validity period (under the 2010
// measures from the award day, under the 2026 measures from 1 January after
// the announcement, up to its last day): two basically-passed (基本合格)
// years before the award do not lower it. Missing records are never
// compliance: a year whose inspection falls wholly inside the validity
// period and is not in the record is a "no record" (无年检记录) warning of
// its own and GRD-DOWN-01 is then not applicable (undecided) unless a
// downgrade happened anyway; under measures that exclude on last year's
// inspection, no record of it is a "no record" warning of GRD-ELIG-01 and
// the organization may not apply until the record shows the result (both
// in StandingResult.MissingInspections). The rules are versioned
// by date: the 2010 measures (民政部令第39号) until 2026-02-28 and the revised
// measures from 2026-03-01. One Standing answers every date under the
// measures of that date; before 2011-03-01, when no measures can be sourced,
// each of their rules answers not in force (未施行). Likewise a Grader is
// prepared on any date: a grade, an annual assessment, a star rating or a
// norm checklist whose parameters are not in force returns a
// *hubrules.NotInForceError, and a GRD-PARTY-01 gate whose parameter is
// not in force answers NotInForce while the grade stands.
//
// Local assessments. kaixuan's annual assessment (GRD-ANNUAL-01, 年度考评:
// street leaders, departments, experts and communities rate independent
// operation, party-organization building, projects and satisfaction);
// jingan's star-rated party organizations (GRD-STAR-01, 星级党组织);
// wuliqiao's seven institutional systems (GRD-SYS-01, 七项制度); kaixuan's 34
// party-building and business norms (GRD-NORM-01, 34条规范). WhatIf grades
// the same sheets under two parameter sets and lists who changes grade.
package grading
