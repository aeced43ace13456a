package main

import (
	"flag"
	"testing"

	goldenpkg "github.com/hubrules/hubrules/examples/internal/golden"
	"github.com/stretchr/testify/assert"
)

var update = flag.Bool("update", false, "rewrite testdata/output.*.golden")

func golden(t *testing.T, lang string) string { return goldenpkg.Run(t, run, lang, *update) }

// The seed's figures (the figures the five published articles state: "1+2+X", 5 purchased posts, 37 certified
// staff = 22 junior + 15 intermediate, 334,000 yuan in 2013, 65 orgs) must
// stay reproduced, with one broken 两委两站 mapping reported.
func TestXiyuanZH(t *testing.T) {
	out := golden(t, "zh")
	for _, s := range []string{
		"两委两站兼职（HUB-XIYUAN-01）：合规",
		"[HUB-XIYUAN-01 依据", "] social_work_station_head",
		"专业社工岗位 1/1、社居委成员 2/2、社区社会组织 7（至少 1）— 合规",
		"[HUB-XIYUAN-02 依据", "] residents_committee_members",
		"[HUB-XIYUAN-03 依据", "] work_station",
		"购买社工岗位 5 个 240000.00 元 = 334000.00 元（33.4万元）",
		"种子公开数：2013 年 33.4万元，购买岗位 5 个 — 合规",
		"[FND-FOLLOW-01 依据", "] 2013-10",
		"持证 37 人：初级 22 人",
		"中级 15 人",
		"每月 10400.00 元",
		"已培育孵化社区社会组织 65 家",
		"总分 980 → 分档 5A (950, ∞)，评定 5A",
		"评定 4A",
		"人员姓名和各项人数为假设输入（假设）", "各笔拨付及其日期为假设输入（假设）", "各项得分为假设输入（假设）",
	} {
		assert.Contains(t, out, s)
	}
}

func TestXiyuanEN(t *testing.T) {
	out := golden(t, "en")
	for _, s := range []string{
		"concurrent posts (HUB-XIYUAN-01): not compliant",
		"every count are assumed inputs (assumed)", "every score is an assumed input (assumed)",
		"5 purchased social-worker posts 240000.00 yuan = 334000.00 yuan",
		"37 certified: 22 junior",
		"15 intermediate",
		"65 community organizations incubated",
		"total 980 → band 5A",
	} {
		assert.Contains(t, out, s)
	}
}

// The default language is Chinese.
func TestXiyuanDefaultIsChinese(t *testing.T) { goldenpkg.DefaultIsChinese(t, run) }
