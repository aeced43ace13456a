package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestServeBinary_SIGTERMFinishesTheRequestsInFlight builds the real
// binary, starts hubrules serve on a free loopback port, opens a stream
// and sends SIGTERM in the middle of it: the stream is answered to its
// last line, a new connection is refused, and the process exits 0.
func TestServeBinary_SIGTERMFinishesTheRequestsInFlight(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := filepath.Join(t.TempDir(), "hubrules")
	build := exec.Command("go", "build", "-o", bin, ".")
	out, err := build.CombinedOutput()
	require.NoError(t, err, string(out))

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "serve", "--addr", "127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	errLines := bufio.NewScanner(stderr)
	require.True(t, errLines.Scan(), "the address line")
	var started struct{ Serving string }
	require.NoError(t, json.Unmarshal(errLines.Bytes(), &started), errLines.Text())
	base := started.Serving
	require.True(t, strings.HasPrefix(base, "http://127.0.0.1:"), base)

	resp, _ := get(t, base+"/readyz")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	// A single decision over TCP.
	resp, body := post(t, base+syncPath, "application/json", strings.NewReader(syncLines(t)[0]))
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))

	pr, pw := io.Pipe()
	req, _ := http.NewRequest(http.MethodPost, base+syncPath, pr)
	req.Header.Set("Content-Type", "application/x-ndjson")
	respc := make(chan *http.Response, 1)
	errc := make(chan error, 1)
	go func() {
		resp, err := (&http.Client{}).Do(req)
		if err != nil {
			errc <- err
			return
		}
		respc <- resp
	}()
	good := syncLines(t)
	_, err = io.WriteString(pw, good[0]+"\n")
	require.NoError(t, err)
	var stream *http.Response
	select {
	case stream = <-respc:
	case err := <-errc:
		t.Fatal(err)
	}
	defer stream.Body.Close()
	r := bufio.NewReader(stream.Body)
	for i := 0; i < 2; i++ { // the header and line 1
		_, err := r.ReadString('\n')
		require.NoError(t, err)
	}

	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	// The listener closes; the stream goes on.
	require.Eventually(t, func() bool {
		c := &http.Client{Timeout: time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
		_, err := c.Get(base + "/healthz")
		return err != nil
	}, 10*time.Second, 20*time.Millisecond, "no new connection after SIGTERM")
	for i := 0; i < 3; i++ {
		_, err = io.WriteString(pw, good[i%2]+"\n")
		require.NoError(t, err)
	}
	require.NoError(t, pw.Close())
	rest, err := io.ReadAll(r)
	require.NoError(t, err, "the stream in flight is answered to its end")
	lines := strings.Split(strings.TrimSpace(string(rest)), "\n")
	require.Len(t, lines, 3, string(rest))
	assert.Contains(t, lines[2], `"line":4`)

	var tail []string
	for errLines.Scan() { // to the end of standard error, before Wait
		tail = append(tail, errLines.Text())
	}
	assert.Contains(t, strings.Join(tail, "\n"), `"stopped"`)
	require.NoError(t, cmd.Wait(), "exit 0 after a graceful shutdown")
}
