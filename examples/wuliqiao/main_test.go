package main

import (
	"flag"
	"testing"

	goldenpkg "github.com/hubrules/hubrules/examples/internal/golden"
	"github.com/stretchr/testify/assert"
)

var update = flag.Bool("update", false, "rewrite testdata/output.*.golden")

func golden(t *testing.T, lang string) string { return goldenpkg.Run(t, run, lang, *update) }

// The seed's figures (the figures the five published articles state) must stay reproduced.
func TestWuliqiaoZH(t *testing.T) {
	out := golden(t, "zh")
	for _, s := range []string{
		"独立党支部 8 家、活动型党支部 6 家、派驻党建联络员 18 家",
		"组织覆盖率 14/32 = 43.8%",
		"工作覆盖率 32/32 = 100.0%",
		"交叉任职 24 人／成员组织 32 家 = 24/32 = 75.0%",
		"各组织的人数为假设（假设）",
		"交叉任职的组织 14/14 = 100.0%",
		"事件日期和登记时的正式党员数均为假设输入（假设）", "另一城市的数字：淄博市民政局", "评定日期为假设输入（假设）",
		"wlq-01：合规",
		"[SYNC-1 依据", "] wlq-02",
		"[GRD-SYS-01 依据", "] wlq-09",
		"萌芽型", "成长型", "支持性",
		"资金池 300000.00 元",
		"有效的 5A 级社会组织 6 家，4A 级 3 家",
	} {
		assert.Contains(t, out, s)
	}
}

func TestWuliqiaoEN(t *testing.T) {
	out := golden(t, "en")
	for _, s := range []string{
		"8 independent branches, 6 activity branches, 18 liaisons",
		"14/32", "43.8%", "32/32 = 100.0%", "24 persons / 32 member organizations = 24/32 = 75.0%",
		"is assumed (assumed)", "organizations cross-appointed 14/14 = 100.0%",
		"the formal members at registration are assumed inputs (assumed)", "another city's figure", "the award dates are assumed inputs (assumed)",
		"pool 300000.00 yuan",
		"6 organizations at 5A and 3 at 4A",
	} {
		assert.Contains(t, out, s)
	}
}

// The default language is Chinese.
func TestWuliqiaoDefaultIsChinese(t *testing.T) { goldenpkg.DefaultIsChinese(t, run) }
