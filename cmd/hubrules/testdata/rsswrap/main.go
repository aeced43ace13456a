//go:build linux

// Command rsswrap runs a command with its address space capped and writes
// the command's peak resident memory, in bytes, to a file:
//
//	rsswrap OUT-FILE ADDRESS-SPACE-BYTES COMMAND [ARG…]
//
// Its exit status is the command's (128+N when a signal N ended it).
// cmd/hubrules' hostile-input test runs the CLI through it because the
// peak a process reads for a child it started itself counts the parent's
// own: Go starts children with vfork, the child shares the parent's memory
// until it execs, and Linux then folds that memory's high-water mark into
// the child's. Started from this small program, the CLI's peak is its own.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"syscall"
)

func main() {
	if len(os.Args) < 4 {
		fmt.Fprintln(os.Stderr, "usage: rsswrap OUT-FILE ADDRESS-SPACE-BYTES COMMAND [ARG…]")
		os.Exit(125)
	}
	limit, err := strconv.ParseUint(os.Args[2], 10, 64)
	if err != nil {
		fmt.Fprintln(os.Stderr, "rsswrap:", err)
		os.Exit(125)
	}
	if err := syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: limit, Max: limit}); err != nil {
		fmt.Fprintln(os.Stderr, "rsswrap:", err)
		os.Exit(125)
	}
	cmd := exec.Command(os.Args[3], os.Args[4:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err = cmd.Run()
	code := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			code = 128 + int(ws.Signal())
		}
	case err != nil:
		fmt.Fprintln(os.Stderr, "rsswrap:", err)
		os.Exit(125)
	}
	rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10
	if err := os.WriteFile(os.Args[1], []byte(strconv.FormatInt(rss, 10)), 0o600); err != nil {
		fmt.Fprintln(os.Stderr, "rsswrap:", err)
		os.Exit(125)
	}
	os.Exit(code)
}
