package main

import (
	"flag"
	"testing"

	goldenpkg "github.com/hubrules/hubrules/examples/internal/golden"
	"github.com/stretchr/testify/assert"
)

var update = flag.Bool("update", false, "rewrite testdata/output.*.golden")

func golden(t *testing.T, lang string) string { return goldenpkg.Run(t, run, lang, *update) }

// The seed's figures (the figures the five published articles state: support period 2014–2018 (five years from 2014), fee 10 % of
// the project total) and the governance rules must stay reproduced.
func TestLujiazuiZH(t *testing.T) {
	out := golden(t, "zh")
	for _, s := range []string{
		"至 2019-03-01 届满",
		"首届理事会任期自 2014-03-01 起为假设输入（假设）",
		"薪酬下限在评估日未施行，不检查",
		"示例组织甲（假设的拟议方案） — 不合规",
		"以下项目名称与总额为假设输入（假设）",
		"各项工资均为假设输入（假设）",
		"[HUB-BOARD-01 依据",
		"覆盖 5/5 项功能：培育孵化、联系服务、资源支撑、沟通表达、人才聚集",
		"党建服务中心承担：转接组织关系、收缴党费、报表统计、党员远程教育、党建网络维护",
		"[HUB-ADMIN-01 依据", "] collect_dues",
		"扶持期 5 年：2014–2018",
		"费率 10%，管理费 20000.00，项目实际可用 180000.00",
		"合计：项目总额 321500.55 元，管理费 32150.06 元",
		"基本工资 4000.00 + 绩效奖金 1000.00 + 技术津贴 300.00 + 岗位津贴 500.00 + 职业资格津贴 200.00 = 月薪 6000.00",
	} {
		assert.Contains(t, out, s)
	}
}

func TestLujiazuiEN(t *testing.T) {
	out := golden(t, "en")
	for _, s := range []string{
		"5/5 functions covered",
		"support period 5 years: 2014–2018",
		"rate 10%, fee 20000.00",
		"fees 32150.06 yuan",
		"monthly 6000.00",
	} {
		assert.Contains(t, out, s)
	}
}

// The default language is Chinese.
func TestLujiazuiDefaultIsChinese(t *testing.T) { goldenpkg.DefaultIsChinese(t, run) }
