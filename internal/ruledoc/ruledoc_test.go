package ruledoc_test

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/kinds"
	"github.com/hubrules/hubrules/internal/ruledoc"
)

var update = flag.Bool("update", false, "rewrite docs/rules.md from the code's catalogue")

var docPath = filepath.Join("..", "..", "docs", "rules.md")

// TestRulesDoc_MatchesTheCatalogue is the golden test of docs/rules.md: the
// shipped document is what the code's catalogue renders, so that a rule or a
// parameter changed without regenerating the document fails here.
func TestRulesDoc_MatchesTheCatalogue(t *testing.T) {
	got := ruledoc.Document(kinds.Packages())
	if *update {
		require.NoError(t, os.WriteFile(docPath, []byte(got), 0o644))
	}
	want, err := os.ReadFile(docPath)
	require.NoError(t, err)
	assert.Equal(t, string(want), got, "docs/rules.md is stale: go test ./internal/ruledoc -update")
}

// repoFile matches what would point a reader at a file they cannot open: a
// seed file name, the spec or research notes kept outside the repository,
// or a source file of the build.
var repoFile = regexp.MustCompile(`[0-9]{3}_[0-9a-f]{16}\.txt|DOMAIN\.md|regulations\.md|\.go\b|\.yaml\b|§`)

func sourceProblems(where string, s hubrules.Source, c hubrules.Confidence) []string {
	var out []string
	if s.Title.ZH == "" || s.Title.EN == "" {
		out = append(out, where+": the source has no title in Chinese and English")
	}
	if s.Document != "" || s.Clause != "" {
		out = append(out, where+": the source uses the old document/clause fields")
	}
	if s.Place == "" {
		out = append(out, where+": the source names no place")
	}
	if c == hubrules.Verified && s.Article == "" {
		out = append(out, where+": verified without an article")
	}
	if s.URL != "" && !hubrules.OfficialHost(s.URL) {
		out = append(out, where+": address not on an official host: "+s.URL)
	}
	for _, f := range []string{s.Title.ZH, s.Title.EN, s.Issuer, s.Number, s.Publication, s.Article, s.Note} {
		if repoFile.MatchString(f) {
			out = append(out, where+": names a file the reader cannot open: "+f)
		}
	}
	return out
}

// TestSources_EveryShippedRuleAndValueIsCitable walks every rule and every
// shipped parameter value: each has a structured source, every verified
// value names its document and article, every address is on an official
// host, no source names a file, and a local figure used for a programme it
// does not govern is illustrative.
func TestSources_EveryShippedRuleAndValueIsCitable(t *testing.T) {
	var problems []string
	rules := 0
	values := 0
	for _, p := range kinds.Packages() {
		for _, r := range p.Rules {
			rules++
			problems = append(problems, sourceProblems(r.ID, r.Source, "")...)
		}
		for _, set := range p.DefaultSets() {
			assert.Empty(t, set.Warnings(), p.Name)
			for _, name := range set.Names() {
				for _, v := range set.Values(name) {
					values++
					where := name + "[" + string(v.Programme) + " " + v.From.String() + "]"
					problems = append(problems, sourceProblems(where, v.Source, v.Confidence)...)
					if !v.Source.Governs(v.Programme) && v.Confidence != hubrules.Illustrative {
						problems = append(problems, where+": a figure of "+v.Source.Place+" used for "+string(v.Programme)+" must be illustrative")
					}
					if v.FromAssumed && v.Note == "" {
						problems = append(problems, where+": an assumed start date needs a note saying so")
					}
				}
			}
		}
	}
	assert.Greater(t, rules, 50)
	assert.Greater(t, values, 150)
	assert.Empty(t, problems, strings.Join(problems, "\n"))
}

// TestSources_LocalFigureOutsideItsPlaceIsIllustrativeInTheBasis resolves
// decisions that use another place's figure and checks that the basis says
// so: Nanjing's pay floors for lujiazui, Zibo's venture cap for kaixuan,
// Anqing's bands for xiyuan (Hefei).
func TestSources_LocalFigureOutsideItsPlaceIsIllustrativeInTheBasis(t *testing.T) {
	date := hubrules.MustParseDate("2024-06-30")
	cases := []struct {
		pkg, param, place string
		programme         hubrules.Programme
	}{
		{"funding", "pay.floor", "江苏省南京市", hubrules.Lujiazui},
		{"funding", "venture.cap", "山东省淄博市", hubrules.Kaixuan},
		{"funding", "start.grant", "安徽省合肥市", hubrules.Jingan},
		{"grading", "level.bands", "安徽省安庆市", hubrules.Xiyuan},
		{"grading", "party.cap_without_org", "安徽省安庆市怀宁县", hubrules.Xiyuan},
	}
	for _, c := range cases {
		var found bool
		for _, p := range kinds.Packages() {
			if p.Name != c.pkg {
				continue
			}
			for _, set := range p.DefaultSets() {
				ref, err := set.Lookup(c.param, c.programme, date)
				if err != nil {
					continue
				}
				found = true
				assert.Equal(t, c.place, ref.Source.Place, c.param)
				assert.False(t, ref.Source.Governs(c.programme), c.param)
				assert.Equal(t, hubrules.Illustrative, ref.Confidence, "%s for %s", c.param, c.programme)
				b := hubrules.Basis{Programme: c.programme, AsOf: date, Params: []hubrules.ParamRef{ref}}
				assert.Contains(t, b.Describe(hubrules.EN), c.param+"(illustrative)")
			}
		}
		assert.True(t, found, c.param)
	}
	// Hefei's own grant is secondary for xiyuan, which Hefei governs.
	for _, p := range kinds.Packages() {
		for _, set := range p.DefaultSets() {
			if ref, err := set.Lookup("start.grant", hubrules.Xiyuan, date); err == nil {
				assert.Equal(t, hubrules.Secondary, ref.Confidence)
				assert.True(t, ref.Source.Governs(hubrules.Xiyuan))
			}
		}
	}
}
