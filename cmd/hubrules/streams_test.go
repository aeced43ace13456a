package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// syncLines are two good check sync lines of testdata/check-sync.jsonl.
// jsonlRecords checks that out starts with a JSON Lines header record of
// kind and returns the records after it.
func jsonlRecords(t *testing.T, out, kind string) []string {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.NotEmpty(t, lines)
	var head map[string]any
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &head), lines[0])
	assert.Equal(t, kind, head["kind"], "the first record is the header")
	assert.ElementsMatch(t, []string{"kind", "programme", "as_of", "rule_set"}, keys(head))
	return lines[1:]
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func syncLines(t *testing.T) []string {
	t.Helper()
	in, err := os.ReadFile("testdata/check-sync.jsonl")
	require.NoError(t, err)
	return strings.Split(string(in), "\n")[:2]
}

func TestJSONLines_AnOverLongLineIsAnsweredAndTheStreamGoesOn(t *testing.T) {
	good := syncLines(t)
	long := `{"id":"` + strings.Repeat("x", 400) + `"}`
	in := good[0] + "\n" + long + "\n" + good[1] + "\n"
	code, out, errOut := runCLI(t, in, "check", "sync", "--jsonl", "--max-line", "300", "--programme", "kaixuan", "--date", "2024-12-31")
	assert.Empty(t, errOut)
	assert.Equal(t, exitInput, code, "the worst line decides")
	lines := jsonlRecords(t, out, "check sync")
	require.Len(t, lines, 3, out)
	assert.Contains(t, lines[0], `"org_id":"a-1"`)
	assert.Contains(t, lines[1], `"line":2`)
	assert.Contains(t, lines[1], `"code":"max_line"`)
	assert.NotContains(t, lines[1], "xxx", "the line is not echoed")
	assert.Contains(t, lines[2], `"org_id":"a-2"`)

	// the last line over the limit, with no newline at the end
	code, out, _ = runCLI(t, good[0]+"\n"+long, "check", "sync", "--jsonl", "--max-line", "300", "--programme", "kaixuan", "--date", "2024-12-31")
	assert.Equal(t, exitInput, code)
	lines = jsonlRecords(t, out, "check sync")
	require.Len(t, lines, 2, out)
	assert.Contains(t, lines[1], `"line":2`)
}

// endless is a reader of n bytes of 'x' that holds none of them.
type endless struct{ n int }

func (r *endless) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	k := min(len(p), r.n)
	for i := range p[:k] {
		p[i] = 'x'
	}
	r.n -= k
	return k, nil
}

func TestJSONLines_AnOverLongLineIsNotHeld(t *testing.T) {
	good := syncLines(t)
	in := io.MultiReader(strings.NewReader(good[0]+"\n"), &endless{64 << 20}, strings.NewReader("\n"+good[1]+"\n"))
	var out, errOut bytes.Buffer
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	code := run([]string{"check", "sync", "--jsonl", "--max-line", "4096", "--programme", "kaixuan", "--date", "2024-12-31"}, in, &out, &errOut)
	runtime.ReadMemStats(&after)
	assert.Equal(t, exitInput, code)
	assert.Len(t, jsonlRecords(t, out.String(), "check sync"), 3)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(8<<20), "a 64 MiB line is skipped, not held")
}

func TestJSONLines_AnEmptyInputIsBadInput(t *testing.T) {
	for _, in := range []string{"", "\n", " \n\t\n\r\n"} {
		code, out, errOut := runCLI(t, in, "check", "sync", "--programme", "national", "--date", "2024-12-31", "--jsonl")
		assert.Equal(t, exitInput, code, "%q", in)
		assert.Empty(t, out)
		assert.Contains(t, errOut, `"code":"invalid_input"`, "%q", in)
		assert.Contains(t, errOut, `"code":"empty"`, "%q", in)
	}
}

func TestLimitFlags_ANegativeValueIsAUsageError(t *testing.T) {
	for _, flag := range []string{"--max-bytes", "--max-depth", "--max-items", "--max-string", "--max-line"} {
		code, out, errOut := runCLI(t, "{}", "check", "sync", "--programme", "national", "--date", "2024-12-31", flag, "-1")
		assert.Equal(t, exitInput, code, flag)
		assert.Empty(t, out)
		assert.Contains(t, errOut, `"code":"usage"`, flag)
		assert.Contains(t, errOut, flag, "the message names the flag")
	}
	code, _, errOut := runCLI(t, "{}", "check", "sync", "--programme", "national", "--date", "2024-12-31", "--jsonl", "--max-line", "0")
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, "--max-line", "a line limit of 0 would refuse every line")
	code, _, _ = runCLI(t, `{"id":"a","formal_members":3,"party_form":"none","events":[]}`, "check", "sync", "--programme", "national", "--max-depth", "0", "--max-items", "0", "--max-string", "0", "--date", "2024-01-01")
	assert.NotEqual(t, exitInput, code, "0 is no limit, as hubrules.Limits says")
}

// failWriter fails every write with err.
type failWriter struct{ err error }

func (w failWriter) Write([]byte) (int, error) { return 0, w.err }

func TestOutput_AClosedPipeEndsQuietly(t *testing.T) {
	good := syncLines(t)
	for _, args := range [][]string{
		{"check", "sync", "--programme", "national", "--date", "2024-12-31", "--in", "testdata/check-sync.json"},
		{"check", "sync", "--programme", "national", "--date", "2024-12-31", "--jsonl", "--in", "testdata/check-sync.jsonl"},
		{"rules"},
		{"help"},
	} {
		var errOut bytes.Buffer
		code := run(args, strings.NewReader(good[0]), failWriter{syscall.EPIPE}, &errOut)
		assert.Equal(t, exitPipe, code, args)
		assert.Empty(t, errOut.String(), args)
	}
}

func TestOutput_AFullDiskIsExitThreeWithOneErrorLine(t *testing.T) {
	check := func(t *testing.T, code int, errOut string) {
		t.Helper()
		assert.Equal(t, exitInternal, code)
		lines := strings.Split(strings.TrimRight(errOut, "\n"), "\n")
		require.Len(t, lines, 1, errOut)
		var body struct {
			Error struct {
				Code    string
				Message struct{ ZH, EN string }
			}
		}
		require.NoError(t, json.Unmarshal([]byte(lines[0]), &body))
		assert.Equal(t, "output", body.Error.Code)
		assert.Contains(t, body.Error.Message.EN, "cannot write the output")
		assert.NotEmpty(t, body.Error.Message.ZH)
	}
	for _, args := range [][]string{
		{"check", "sync", "--programme", "national", "--date", "2024-12-31", "--in", "testdata/check-sync.json"},
		{"check", "sync", "--programme", "national", "--date", "2024-12-31", "--jsonl", "--in", "testdata/check-sync.jsonl"},
		{"rules"},
	} {
		var errOut bytes.Buffer
		code := run(args, strings.NewReader(""), failWriter{syscall.ENOSPC}, &errOut)
		check(t, code, errOut.String())
	}
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full")
	}
	defer full.Close()
	var errOut bytes.Buffer
	code := run([]string{"rules", "--json"}, strings.NewReader(""), full, &errOut)
	check(t, code, errOut.String())
}

// TestMain runs the command itself when the test binary is started as a
// subprocess by TestOutput_ARealClosedPipe.
func TestMain(m *testing.M) {
	if os.Getenv("HUBRULES_TEST_MAIN") == "1" {
		os.Args = append([]string{"hubrules"}, strings.Fields(os.Getenv("HUBRULES_TEST_ARGS"))...)
		main()
		return
	}
	os.Exit(m.Run())
}

func TestOutput_ARealClosedPipe(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGPIPE is a Unix signal")
	}
	r, w, err := os.Pipe()
	require.NoError(t, err)
	require.NoError(t, r.Close())
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "HUBRULES_TEST_MAIN=1", "HUBRULES_TEST_ARGS=rules --json")
	cmd.Stdout = w
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	err = cmd.Run()
	require.NoError(t, w.Close())
	var ee *exec.ExitError
	require.True(t, errors.As(err, &ee), "exit code %v", err)
	assert.Equal(t, exitPipe, ee.ExitCode(), "an exit, not death by SIGPIPE (which reports -1)")
	assert.Empty(t, errOut.String())
}

func TestHelp_ListsEveryExitCode(t *testing.T) {
	_, out, _ := runCLI(t, "", "help")
	for _, code := range []string{"0", "1", "2", "3", "141"} {
		assert.Regexp(t, `(?m)^  `+code+` +\S`, out, "exit code %s", code)
	}
}
