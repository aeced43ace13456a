package main

import (
	"flag"
	"testing"

	goldenpkg "github.com/hubrules/hubrules/examples/internal/golden"
	"github.com/stretchr/testify/assert"
)

var update = flag.Bool("update", false, "rewrite testdata/output.*.golden")

// The example's output in both languages is compared with golden files, so
// CI keeps the example running and the seed's figures reproduced.
func TestKaixuanOutput(t *testing.T) {
	key := map[string][]string{
		"zh": {
			"登记备案类社会组织 477 家", "23 名社会组织负责人担任党组织书记",
			"SYNC-1, SYNC-2, SYNC-3, SYNC-4, SYNC-5, SYNC-6", "六个环节全部同步", "[SYNC-5]",
			"即 1+6+36；党员 326 名", "88.8 分", "57.8",
			"[INC-GRAD-01]", "graduation.min_assessment=60", "重放得到状态",
			"资金池 500000.00（50万元", "已分配 500000.00，结余 0.00",
			"原始基金 2000000.00（200万元），理事单位 14 家", "募集额为原始基金的 1.25 倍",
			"事件日期均为假设输入（假设）", "示例组织甲（正式党员 2 名", "示例组织乙（正式党员 4 名",
			"年度（截止 2024-05-31）：report_no_party_section",
			"各项评分为假设输入（假设）", "各步骤的日期和事实均为假设输入（假设）", "申请额为假设输入（假设）",
		},
		"en": {
			"477 registered or filed", "23 organization leaders", "i.e. 1+6+36; 326 party members",
			"graduation.min_assessment=60", "Pool 500000.00", "Founding capital 2000000.00",
			"every rating is an assumed input (assumed)", "is an assumed input (assumed)", "report year 2023 (due 2024-05-31): report_no_party_section",
		},
	}
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			out := goldenpkg.Run(t, run, lang, *update)
			for _, s := range key[lang] {
				assert.Contains(t, out, s)
			}
		})
	}
}

// The default language is Chinese.
func TestDefaultIsChinese(t *testing.T) { goldenpkg.DefaultIsChinese(t, run) }
