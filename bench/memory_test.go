package bench_test

// Memory (issue 19 item 6): the peak resident memory of streaming a
// register through the CLI, and of building a hub.SyncBatch from a
// stream, each measured in a process of its own so that nothing else of
// the benchmark counts.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hubrules/hubrules/bench"
	"github.com/hubrules/hubrules/hub"
	"github.com/stretchr/testify/require"
)

// batchChildEnv makes the test binary a child that builds a batch of the
// given number of organizations from the generator's stream and prints
// its peak resident memory (TestBatchStreamChild).
const batchChildEnv = "HUBRULES_BATCH_CHILD"

// peakRSS returns this process's peak resident memory in bytes
// (VmHWM of /proc/self/status).
func peakRSS() (int64, error) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, err
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10, err
		}
	}
	return 0, fmt.Errorf("no VmHWM in /proc/self/status")
}

// TestBatchStreamChild is the child of BenchmarkBatchStreamMemory; run
// alone it does nothing.
func TestBatchStreamChild(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv(batchChildEnv))
	if err != nil {
		t.Skip("the child of BenchmarkBatchStreamMemory")
	}
	var sb hub.SyncBatch
	var addErr error
	bench.GenerateEach(n, bench.Seed+1, func(o *hub.SyncOrg) {
		if err := sb.Add(o); err != nil && addErr == nil {
			addErr = err
		}
	})
	require.NoError(t, addErr)
	require.Equal(t, n, sb.Len())
	rss, err := peakRSS()
	require.NoError(t, err)
	fmt.Printf("peak-rss %d\n", rss)
	// Then the whole register checked on one core (full reasons plus
	// HUB-FORM-01), as BenchmarkRegister's hubrules-batch: the figure of
	// "one core checks the register".
	h, err := bench.NewHubrules()
	require.NoError(t, err)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0, start := threadCPU(), time.Now()
	for i := 0; i < sb.Len(); i++ {
		if _, err := h.CheckBatch(&sb, i); err != nil {
			t.Fatal(err)
		}
	}
	fmt.Printf("check-ns %d %d\n", time.Since(start).Nanoseconds(), threadCPU()-cpu0)
}

// BenchmarkBatchStreamMemory builds a SyncBatch from a stream of
// organizations (bench.GenerateEach, one at a time, the register of
// BenchmarkRegister) in a child process and reports its peak resident
// memory (peak-MB, the whole process: runtime, generator and batch), then
// the wall and thread-CPU seconds of checking the whole batch on one core
// (check-s, check-cpu-s: full reasons plus HUB-FORM-01):
//
//	go test -run '^$' -bench BenchmarkBatchStreamMemory -benchtime 1x ./
func BenchmarkBatchStreamMemory(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("orgs=%d", n), func(b *testing.B) {
			var rss, wall, cpu int64
			for b.Loop() {
				cmd := exec.Command(os.Args[0], "-test.run", "^TestBatchStreamChild$", "-test.count", "1")
				cmd.Env = append(os.Environ(), batchChildEnv+"="+strconv.Itoa(n))
				out, err := cmd.CombinedOutput()
				require.NoError(b, err, "%s", out)
				for _, l := range strings.Split(string(out), "\n") {
					if v, ok := strings.CutPrefix(l, "peak-rss "); ok {
						rss, _ = strconv.ParseInt(v, 10, 64)
					}
					if v, ok := strings.CutPrefix(l, "check-ns "); ok {
						_, _ = fmt.Sscan(v, &wall, &cpu)
					}
				}
				require.NotZero(b, rss, "%s", out)
			}
			b.ReportMetric(float64(rss)/(1<<20), "peak-MB")
			b.ReportMetric(float64(wall)/1e9, "check-s")
			b.ReportMetric(float64(cpu)/1e9, "check-cpu-s")
		})
	}
}

// BenchmarkCLIStreamMemory streams n organizations' JSON Lines through
// the built CLI (check sync --jsonl, default and --compact output,
// discarded), started by cmd/hubrules/testdata/rsswrap so that the peak
// resident memory it reports (peak-MB) is the CLI's own. The lines are
// generated as they are written (bench.GenerateEach), so the stream is
// never held:
//
//	go test -run '^$' -bench BenchmarkCLIStreamMemory -benchtime 1x -timeout 60m ./
func BenchmarkCLIStreamMemory(b *testing.B) {
	bin, _ := cliFixture(b)
	wrap := filepath.Join(filepath.Dir(bin), "rsswrap")
	if _, err := os.Stat(wrap); err != nil {
		build := exec.Command("go", "build", "-o", wrap, "./testdata/rsswrap")
		build.Dir = "../cmd/hubrules"
		out, err := build.CombinedOutput()
		require.NoError(b, err, "go build rsswrap: %s", out)
	}
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		for _, view := range []string{"default", "compact"} {
			b.Run(fmt.Sprintf("orgs=%d/%s", n, view), func(b *testing.B) {
				var rss int64
				for b.Loop() {
					rss = streamThroughCLI(b, wrap, bin, n, view == "compact")
				}
				b.ReportMetric(float64(rss)/(1<<20), "peak-MB")
			})
		}
	}
}

// streamThroughCLI writes n generated organizations to the CLI's standard
// input as they are made and returns the CLI's peak resident memory.
func streamThroughCLI(b *testing.B, wrap, bin string, n int, compact bool) int64 {
	dir := b.TempDir()
	rssFile := filepath.Join(dir, "rss")
	args := []string{rssFile, strconv.Itoa(4 << 30), bin, "check", "sync", "--jsonl", "--programme", "kaixuan", "--date", bench.AsOf.String()}
	if compact {
		args = append(args, "--compact")
	}
	cmd := exec.Command(wrap, args...)
	stdin, err := cmd.StdinPipe()
	require.NoError(b, err)
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	require.NoError(b, cmd.Start())
	w := bufio.NewWriterSize(stdin, 1<<16)
	var line bytes.Buffer
	enc := json.NewEncoder(&line)
	bench.GenerateEach(n, bench.Seed+1, func(o *hub.SyncOrg) {
		line.Reset()
		if err := enc.Encode(o); err != nil {
			b.Fatal(err)
		}
		_, _ = w.Write(line.Bytes())
	})
	require.NoError(b, w.Flush())
	require.NoError(b, stdin.Close())
	if err := cmd.Wait(); err != nil {
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 { // 1: findings
			b.Fatal(err)
		}
	}
	text, err := os.ReadFile(rssFile)
	require.NoError(b, err)
	rss, err := strconv.ParseInt(strings.TrimSpace(string(text)), 10, 64)
	require.NoError(b, err)
	return rss
}
