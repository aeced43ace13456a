package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/hubrules/hubrules"
)

// yearField is a field holding a year as a number ("year": 2024).
var yearField = regexp.MustCompile(`"(\w*year)": *(\d{4})\b`)

// shiftYears moves every date and every year field in s by years, keeping
// their order and distances, so that a sample's story can be told in
// another year.
func shiftYears(s string, years int) string {
	s = yearField.ReplaceAllStringFunc(s, func(f string) string {
		m := yearField.FindStringSubmatch(f)
		y, _ := strconv.Atoi(m[2])
		return `"` + m[1] + `": ` + strconv.Itoa(y+years)
	})
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
			progs := []string{progOf(s.args)}
			if prog := progOf(s.args); prog != "national" {
				// National too, where the sample is not one programme's
				// own (its items or figures): it answers on its own date.
				args := append([]string{}, s.args...)
				for i := range args {
					if i > 0 && args[i-1] == "--programme" {
						args[i] = "national"
					}
				}
				if code, _, _ := runCLI(t, string(data), args...); code != exitInput {
					progs = append(progs, "national")
				}
			}
			for _, prog := range progs {
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
