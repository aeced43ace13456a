package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/hubrules/hubrules"
)

// shiftYears moves every date in s by years, keeping their order and
// distances, so that a sample's story can be told in another year.
func shiftYears(s string, years int) string {
	return inputDate.ReplaceAllStringFunc(s, func(q string) string {
		d, err := hubrules.ParseDate(q[1 : len(q)-1])
		if err != nil {
			return q
		}
		return `"` + d.AddYears(years).String() + `"`
	})
}

// TestEveryKind_AnswersOnEarlyDates runs every sample in 2005, 2012 and
// 2015, its dates moved back with it, for its own programme and National:
// each kind answers (compliant, findings or refused, with not_in_force
// where a rule did not yet exist) and none is refused because a parameter
// had no value yet.
func TestEveryKind_AnswersOnEarlyDates(t *testing.T) {
	dateFlag := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	for _, name := range sampleNames() {
		s := samples[name]
		data, err := os.ReadFile(filepath.Join("testdata", s.in))
		if err != nil {
			t.Fatal(err)
		}
		at := hubrules.MustParseDate(s.args[len(s.args)-1])
		for _, day := range []string{"2005-06-30", "2012-06-30", "2015-06-30"} {
			d := hubrules.MustParseDate(day)
			years := d.Year() - at.Year()
			for _, prog := range []string{progOf(s.args), "national"} {
				args := append([]string{}, s.args...)
				for i := range args {
					if i > 0 && args[i-1] == "--programme" {
						args[i] = prog
					}
					if i > 0 && args[i-1] == "--date" && dateFlag.MatchString(args[i]) {
						args[i] = at.AddYears(years).String()
					}
				}
				code, out, errOut := runCLI(t, shiftYears(string(data), years), args...)
				if !assert.Contains(t, []int{exitOK, exitFindings}, code, "%s %s %s: %s", name, prog, day, errOut) {
					continue
				}
				assert.NotContains(t, out+errOut, "before_first", "%s %s %s", name, prog, day)
				assert.NotContains(t, out, `"outcome":"`+string(hubrules.Fail)+`","reason":"before_first"`)
			}
		}
	}
}

// progOf returns the --programme of args.
func progOf(args []string) string {
	for i := 1; i < len(args); i++ {
		if args[i-1] == "--programme" {
			return args[i]
		}
	}
	return strings.TrimSpace("national")
}
