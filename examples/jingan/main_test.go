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
func TestJinganOutput(t *testing.T) {
	key := map[string][]string{
		"zh": {
			"登记注册社会组织 996 家", "党员 2475 名", "党组织 177 个", "902/996 = 90.6%", "3A 级以上 151 家",
			"[SYNC-1]", "[SYNC-4]", "[SYNC-6]", "登记时未进行法人约谈",
			"15000000.00（1500万元）", "3750000.00",
			"36 个部门 535 个项目", "148570000.00（14857万元）", "阶段 终止，已拨付 140000.00 / 350000.00",
			"[INC-NET-01 依据", "党总支 7 家，党支部 6 家，联合支部 1 家", "0+7+7", "→ 5 星",
			"177 × 5 = 885/996 = 88.9%", "读作工作覆盖率", "事件日期均为假设输入（假设）", "示例组织丙（正式党员 0 名）",
			"本轮示意（假设）", "各笔承诺、拨付和释放为假设输入（假设）", "三份合同及其金额、日期和评估结果为假设输入（假设）", "所在基地为假设输入（假设）", "各党组织的评分为假设输入（假设）", "这一上限是另一城市的数字（淄博市民政局", "平均每项 143257.58（18910000.00 ÷ 132）",
		},
		"en": {
			"996 registered social organizations", "2475 party members", "177 party organizations", "902/996 = 90.6%",
			"15000000.00", "36 departments, 535 projects approved, 148570000.00", "stage stopped, released 140000.00 of 350000.00",
			"7 general branches, 6 branches, 1 joint branch", "→ 5 stars",
			"reads 90.6% as work coverage", "An illustrative round (assumed)", "this cap is another city's figure",
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
