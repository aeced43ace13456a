//go:build linux

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The bounds issue 17 sets for the CLI on every hostile input: what a
// street office's batch job can rely on when one file in a folder is
// broken or malicious.
const (
	hostileMaxRSS = 200 << 20 // bytes of resident memory
	// hostileAddressSpace caps the CLI's address space, so that a
	// regression fails the test instead of exhausting the machine.
	hostileAddressSpace = 2 << 30
	// hostileDeadline is a liveness bound, not a performance measure: a
	// run that has not ended by then is taken to run without end. The
	// slowest case (five million bad list items) takes about 5 s alone on
	// the 2-core machine; the bound leaves room for CI's parallel packages.
	hostileDeadline = 30 * time.Second
	// hostileMaxStderr bounds what a refusal writes: one error record.
	hostileMaxStderr = 64 << 10
)

// hostileCase is one input that once exhausted memory or time.
type hostileCase struct {
	name  string
	args  []string
	stdin []byte
	files map[string][]byte // written to the case's folder, named in args as @name
	// codes are the exit codes accepted; refusals are exitInput.
	codes []int
	// check inspects standard output, when set.
	check func(t *testing.T, stdout []byte)
}

// paramHeader is the start of a grading parameter file with one value whose
// value text follows.
const paramHeader = "package: grading\nparameters:\n  party.weight_percent:\n    description: {zh: 党建权重, en: party weight}\n    values:\n      - programme: xiyuan\n        from: 2020-01-01\n        confidence: illustrative\n        source: {document: 测试}\n        value: "

// laughsFile writes the bomb as the value, with the anchors defined in an
// unused key of the value's own mapping so that the file stays valid YAML.
func laughsFile() []byte {
	var b strings.Builder
	b.WriteString(paramHeader)
	b.WriteString("\n          l0: &l0 [x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "          l%d: &l%d [*l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	return []byte(b.String())
}

func hostileCases(t *testing.T) []hostileCase {
	selfRef := []byte(paramHeader + "&a [*a, *a]\n")
	grade, err := os.ReadFile(filepath.Join("testdata", "grade.json"))
	require.NoError(t, err)
	whatif := func(alt []byte) []byte {
		var in map[string]any
		require.NoError(t, json.Unmarshal(mustRead(t, "whatif.json"), &in))
		in["alt_params"] = string(alt)
		b, err := json.Marshal(in)
		require.NoError(t, err)
		return b
	}
	// A structure input of about 15 MiB, within every limit, in which
	// every one of five million unit names is empty: one error each.
	var structure bytes.Buffer
	structure.WriteString(`{"hub":"h","bodies":[`)
	units := strings.TrimSuffix(strings.Repeat(`"",`, 99999), ",")
	for i := 0; structure.Len() < 15<<20-len(units)-200; i++ {
		if i > 0 {
			structure.WriteByte(',')
		}
		fmt.Fprintf(&structure, `{"id":"b%d","kind":"joint_branch","formal_members":3,"committee_size":0,"elected_on":"2023-01-01","units":[%s]}`, i, units)
	}
	structure.WriteString(`]}`)
	// A ledger of 100,000 entries, every one accepted.
	var ledger bytes.Buffer
	ledger.WriteString(`{"entries":[`)
	for i := 0; i < 100000; i++ {
		if i > 0 {
			ledger.WriteByte(',')
		}
		if i%2 == 0 {
			fmt.Fprintf(&ledger, `{"op":"commit","area":"cultivation","project":"p%d","amount":"1.00"}`, i/2)
		} else {
			fmt.Fprintf(&ledger, `{"op":"pay","project":"p%d","amount":"1.00"}`, i/2)
		}
	}
	ledger.WriteString(`]}`)
	// A parameter file with 36,500 dated values of one parameter.
	var many bytes.Buffer
	many.WriteString(strings.TrimSuffix(paramHeader, "      - programme: xiyuan\n        from: 2020-01-01\n        confidence: illustrative\n        source: {document: 测试}\n        value: "))
	day := time.Date(1920, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 36500; i++ {
		fmt.Fprintf(&many, "      - {programme: xiyuan, from: %s, value: 100, confidence: illustrative, source: {document: 测试}}\n", day.AddDate(0, 0, i).Format("2006-01-02"))
	}
	jsonl := append(append([]byte(`{"org":"x"`), bytes.Repeat([]byte(" "), 2<<20)...), []byte("}\n")...)
	line, err := os.ReadFile(filepath.Join("testdata", "grade.jsonl"))
	require.NoError(t, err)
	first, _, _ := bytes.Cut(line, []byte("\n"))
	jsonl = append(append(append([]byte{}, first...), '\n'), append(jsonl, append(first, '\n')...)...)

	gradeArgs := []string{"grade", "--programme", "xiyuan", "--date", "2024-06-01"}
	return []hostileCase{
		{name: "self-referencing alias in --params", args: append(gradeArgs, "--params", "@self.yaml"), stdin: grade,
			files: map[string][]byte{"self.yaml": selfRef}, codes: []int{exitInput}},
		{name: "billion laughs in --params", args: append(gradeArgs, "--params", "@laughs.yaml"), stdin: grade,
			files: map[string][]byte{"laughs.yaml": laughsFile()}, codes: []int{exitInput}},
		{name: "self-referencing alias in alt_params", args: []string{"whatif", "--programme", "kaixuan", "--date", "2024-06-01"},
			stdin: whatif(selfRef), codes: []int{exitInput}},
		{name: "billion laughs in alt_params", args: []string{"whatif", "--programme", "kaixuan", "--date", "2024-06-01"},
			stdin: whatif(laughsFile()), codes: []int{exitInput}},
		{name: "--params /dev/zero", args: append(gradeArgs, "--params", "/dev/zero"), stdin: grade, codes: []int{exitInput}},
		{name: "--in /dev/zero", args: append(gradeArgs, "--in", "/dev/zero"), codes: []int{exitInput}},
		{name: "15 MiB of empty unit names", args: []string{"check", "structure", "--programme", "kaixuan", "--date", "2024-06-30"},
			stdin: structure.Bytes(), codes: []int{exitInput}},
		{name: "ledger of 100,000 entries", args: []string{"fund", "ledger", "--programme", "jingan", "--date", "2018-12-31"},
			stdin: ledger.Bytes(), codes: []int{exitOK}},
		{name: "36,500 dated values in --params", args: append(gradeArgs, "--params", "@many.yaml"), stdin: grade,
			files: map[string][]byte{"many.yaml": many.Bytes()}, codes: []int{exitOK, exitFindings}},
		{name: "duplicate key", args: []string{"fund", "fee", "--programme", "lujiazui", "--date", "2018-12-31"},
			stdin: []byte(`{"project":"p","total":"100.00","total":"999999.00"}`), codes: []int{exitInput}},
		{name: "JSON Lines line over --max-line", args: append(gradeArgs, "--jsonl"), stdin: jsonl,
			codes: []int{exitInput}, check: func(t *testing.T, stdout []byte) {
				lines := jsonlRecords(t, string(stdout), "grade")
				require.Len(t, lines, 3, "a record per line, the stream going on after the long one")
				assert.Contains(t, lines[1], `"line":2`)
				assert.Contains(t, lines[1], "max_line")
				assert.NotContains(t, lines[2], `"error"`)
			}},
	}
}

func mustRead(t *testing.T, name string) []byte {
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}

// TestHostileInputs_StayWithinMemoryAndTime runs the built CLI on each
// input that once exhausted memory or time (issue 17), through
// testdata/rsswrap, which caps its address space at 2 GiB (so that a
// regression fails the test instead of the machine) and reads its own peak
// resident memory, and checks that peak, its exit code and that a refusal
// is one bounded error record.
func TestHostileInputs_StayWithinMemoryAndTime(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the CLI")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "hubrules")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "go build: %s", out)
	wrap := filepath.Join(dir, "rsswrap")
	build = exec.Command("go", "build", "-o", wrap, "./testdata/rsswrap")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	out, err = build.CombinedOutput()
	require.NoError(t, err, "go build rsswrap: %s", out)

	for _, c := range hostileCases(t) {
		t.Run(c.name, func(t *testing.T) {
			cdir := t.TempDir()
			args := append([]string{}, c.args...)
			for i, a := range args {
				if name, ok := strings.CutPrefix(a, "@"); ok {
					p := filepath.Join(cdir, name)
					require.NoError(t, os.WriteFile(p, c.files[name], 0o600))
					args[i] = p
				}
			}
			ctx, cancel := context.WithTimeout(context.Background(), hostileDeadline)
			defer cancel()
			rssFile := filepath.Join(cdir, "rss")
			cmd := exec.CommandContext(ctx, wrap, append([]string{rssFile, strconv.Itoa(hostileAddressSpace), bin}, args...)...)
			cmd.Stdin = bytes.NewReader(c.stdin)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			require.NoError(t, ctx.Err(), "still running after %s", hostileDeadline)
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else {
				require.NoError(t, err)
			}
			assert.Contains(t, c.codes, code, "exit code; stderr: %.500s", stderr.String())
			text, err := os.ReadFile(rssFile)
			require.NoError(t, err, "rsswrap wrote no peak; stderr: %.300s", stderr.String())
			rss, err := strconv.ParseInt(string(text), 10, 64)
			require.NoError(t, err)
			assert.Less(t, rss, int64(hostileMaxRSS), "resident memory")
			assert.Less(t, stderr.Len(), hostileMaxStderr, "standard error: %.300s", stderr.String())
			assert.False(t, strings.Contains(stderr.String(), "goroutine "), "a runtime dump on standard error: %.300s", stderr.String())
			if code == exitInput && stderr.Len() > 0 {
				var rec struct {
					Error json.RawMessage `json:"error"`
				}
				assert.NoError(t, json.Unmarshal(stderr.Bytes(), &rec), "one JSON error record: %.300s", stderr.String())
			}
			if c.check != nil {
				c.check(t, stdout.Bytes())
			}
		})
	}
}
