package main

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/stretchr/testify/assert"
)

var (
	inputDate = regexp.MustCompile(`"\d{4}-\d{2}-\d{2}"`)
	// anyDate also matches a year of five digits or more, which ParseDate
	// refuses.
	anyDate = regexp.MustCompile(`"-?\d{4,}-\d{2}-\d{2}"`)
)

// TestComputedDates_NeverPass9999 runs every sample with each of its dates
// (and the evaluation date) moved to the last day a date can have: a
// result must either be refused as bad input naming 9999-12-31, or emit
// only dates that read back.
func TestComputedDates_NeverPass9999(t *testing.T) {
	for _, name := range sampleNames() {
		s := samples[name]
		data, err := os.ReadFile(filepath.Join("testdata", s.in))
		if err != nil {
			t.Fatal(err)
		}
		for _, last := range []string{"9999-12-31", "9999-01-01", "9990-06-30"} {
			in := inputDate.ReplaceAllString(string(data), `"`+last+`"`)
			args := append(append([]string{}, s.args[:len(s.args)-2]...), "--date", last)
			code, out, errOut := runCLI(t, in, args...)
			switch code {
			case exitOK, exitFindings:
				for _, d := range anyDate.FindAllString(out, -1) {
					_, err := hubrules.ParseDate(d[1 : len(d)-1])
					assert.NoError(t, err, "%s at %s emits %s", name, last, d)
				}
			case exitInput:
				if anyDate.MatchString(errOut) && !regexp.MustCompile(`9999-12-31`).MatchString(errOut) {
					t.Errorf("%s at %s: %s", name, last, errOut)
				}
			default:
				t.Errorf("%s at %s: exit %d: %s", name, last, code, errOut)
			}
		}
	}
}

func TestIncubate_AnAdmissionOn99991231IsRefusedAtItsDate(t *testing.T) {
	in := `{"record":{"subject":"s","state":"applied"},"trigger":"admit","date":"9999-12-31","facts":{"actor":"a","serves_community":true,"leader":"l","census_done":true,"entry_mode":"organization","base":"district_base"}}`
	code, out, errOut := runCLI(t, in, "incubate", "--programme", "kaixuan", "--date", "9999-12-31")
	assert.Equal(t, exitInput, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, `"path":"date","code":"date_range"`)
	assert.Contains(t, errOut, "would pass 9999-12-31")
}
