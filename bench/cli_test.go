package bench_test

// The CLI against the library (issue 19 item 4): the same records checked
// by SyncChecker.CheckInto on Go values, by the library reading the JSON
// Lines (hubrules.DecodeJSON, then Check), and by the built hubrules
// binary, `check sync --jsonl` with its default and its --compact output.

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/bench"
	"github.com/hubrules/hubrules/hub"
	"github.com/stretchr/testify/require"
)

// cliRecords is the number of records of one CLI run: the 1,000
// organizations ten times, so that starting the process is under 1 % of
// a run.
const cliRecords = 10 * nOrgs

var (
	cliOnce sync.Once
	cliBin  string
	cliIn   string
	cliErr  error
)

// cliFixture builds the hubrules binary and writes the JSON Lines input
// once for the run.
func cliFixture(tb testing.TB) (bin, input string) {
	tb.Helper()
	f := load(tb)
	cliOnce.Do(func() {
		dir, err := os.MkdirTemp("", "hubrules-cli")
		if cliErr = err; err != nil {
			return
		}
		cliBin = filepath.Join(dir, "hubrules")
		build := exec.Command("go", "build", "-o", cliBin, "github.com/hubrules/hubrules/cmd/hubrules")
		if out, err := build.CombinedOutput(); err != nil {
			cliErr = &exec.ExitError{Stderr: out}
			return
		}
		var buf bytes.Buffer
		for i := 0; i < cliRecords; i++ {
			b, err := json.Marshal(&f.orgs[i%nOrgs])
			if cliErr = err; err != nil {
				return
			}
			buf.Write(append(b, '\n'))
		}
		cliIn = filepath.Join(dir, "orgs.jsonl")
		cliErr = os.WriteFile(cliIn, buf.Bytes(), 0o600)
	})
	require.NoError(tb, cliErr)
	return cliBin, cliIn
}

// countWriter counts the bytes written to it.
type countWriter struct{ n int64 }

func (w *countWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// runCLI runs the binary once over the input and returns the bytes it
// wrote and its CPU time (user + system).
func runCLIOnce(b *testing.B, bin, input string, extra ...string) (int64, time.Duration) {
	in, err := os.Open(input)
	require.NoError(b, err)
	defer in.Close()
	var out countWriter
	cmd := exec.Command(bin, append([]string{"check", "sync", "--jsonl", "--programme", "kaixuan", "--date", bench.AsOf.String()}, extra...)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = in, &out, io.Discard
	if err := cmd.Run(); err != nil {
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 { // 1: findings
			b.Fatal(err)
		}
	}
	return out.n, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

// BenchmarkCLI reports ns/record and cpu-ns/record (the thread's CPU for
// the library, the child process's for the CLI) and, for the CLI, the
// output bytes a record (header and first basis included). One op is the
// whole 10,000 records:
//
//	go test -run '^$' -bench BenchmarkCLI -benchtime 3x -count 6 ./
func BenchmarkCLI(b *testing.B) {
	f := load(b)
	bin, input := cliFixture(b)
	lines := bytes.Split(bytes.TrimSpace(must(os.ReadFile(input))), []byte("\n"))
	c, err := hub.NewSyncChecker(hubrules.Kaixuan, bench.AsOf)
	require.NoError(b, err)
	perRecord := func(b *testing.B, body func() time.Duration) {
		var cpu time.Duration
		start := time.Now()
		for b.Loop() {
			cpu += body()
		}
		n := float64(b.N * cliRecords)
		b.ReportMetric(float64(time.Since(start).Nanoseconds())/n, "ns/record")
		b.ReportMetric(float64(cpu.Nanoseconds())/n, "cpu-ns/record")
	}
	library := func(body func(i int)) func() time.Duration {
		return func() time.Duration {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			cpu0 := threadCPU()
			for i := 0; i < cliRecords; i++ {
				body(i)
			}
			return time.Duration(threadCPU() - cpu0)
		}
	}
	var res hub.SyncResult
	b.Run("library", func(b *testing.B) {
		perRecord(b, library(func(i int) {
			if err := c.CheckInto(&res, &f.orgs[i%nOrgs], bench.AsOf); err != nil {
				b.Fatal(err)
			}
		}))
	})
	b.Run("library-json", func(b *testing.B) {
		// What a Go program reading the same JSON Lines does: the strict
		// decode (limits, unknown fields, validation), then the check.
		perRecord(b, library(func(i int) {
			var org hub.SyncOrg
			if err := hubrules.DecodeJSON(lines[i], &org); err != nil {
				b.Fatal(err)
			}
			if err := c.CheckInto(&res, &org, bench.AsOf); err != nil {
				b.Fatal(err)
			}
		}))
	})
	for _, v := range []struct {
		name  string
		extra []string
	}{{"cli", nil}, {"cli-compact", []string{"--compact"}}} {
		b.Run(v.name, func(b *testing.B) {
			var bytesOut int64
			perRecord(b, func() time.Duration {
				n, cpu := runCLIOnce(b, bin, input, v.extra...)
				bytesOut = n
				return cpu
			})
			b.ReportMetric(float64(bytesOut)/cliRecords, "B/record")
		})
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
