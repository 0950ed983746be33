package release

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// The release tests check the archives that release/build.sh writes, as a
// user gets them. They use AVGAUDIT_DIST when set (the folder build.sh wrote,
// as .ci/run does); else, with CI set, they run build.sh themselves and fail
// when a toolchain is missing; else they skip.

var (
	buildOnce sync.Once
	builtDir  string
	buildErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if builtDir != "" {
		os.RemoveAll(builtDir)
	}
	os.Exit(code)
}

// folder is where the tests put what a user would: a name with a space and
// an accent.
const folder = "Opvang Zonnestraal é"

// dist returns the folder with the archives and the version they carry.
func dist(t *testing.T) (dir, version string) {
	t.Helper()
	dir = os.Getenv("AVGAUDIT_DIST")
	if dir == "" {
		if os.Getenv("CI") == "" {
			t.Skip("release archives: run release/build.sh, then AVGAUDIT_DIST=dist go test ./release (with CI=true the test builds them)")
		}
		buildOnce.Do(func() {
			builtDir, buildErr = os.MkdirTemp("", "avgaudit-dist-")
			if buildErr != nil {
				return
			}
			cmd := exec.Command("bash", "build.sh")
			cmd.Env = append(os.Environ(), "OUT="+builtDir, "TARGETS=windows/amd64 linux/amd64")
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Run(); err != nil {
				buildErr = fmt.Errorf("release/build.sh: %v\n%s", err, out.String())
			}
		})
		if buildErr != nil {
			t.Fatal(buildErr)
		}
		dir = builtDir
	}
	sums, err := os.ReadFile(filepath.Join(dir, "SHA256SUMS"))
	if err != nil {
		t.Fatalf("no SHA256SUMS in %s: %v", dir, err)
	}
	m := regexp.MustCompile(`avgaudit-(v[^ ]+)-linux-amd64\.tar\.gz`).FindSubmatch(sums)
	if m == nil {
		t.Fatalf("%s/SHA256SUMS lists no linux-amd64 archive:\n%s", dir, sums)
	}
	return dir, string(m[1])
}

// need returns the path of a program the test needs: a skip without CI, a
// failure with it.
func need(t *testing.T, name, install string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing (apt-get install %s; .ci/run installs it)", name, install)
		}
		t.Skipf("%s is missing (apt-get install %s)", name, install)
	}
	return p
}

// readSums parses a sha256sum listing into file -> hex digest.
func readSums(t *testing.T, data []byte) map[string]string {
	t.Helper()
	sums := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		sum, file, ok := strings.Cut(sc.Text(), "  ")
		if !ok || len(sum) != 64 {
			t.Fatalf("SHA256SUMS line %q: want \"<sha256>  <file>\"", sc.Text())
		}
		sums[file] = sum
	}
	return sums
}

func sha256File(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// TestArchives checks every archive against SHA256SUMS, and its contents:
// program, README, licences, and a SHA256SUMS of its own that verifies.
func TestArchives(t *testing.T) {
	dir, version := dist(t)
	data, _ := os.ReadFile(filepath.Join(dir, "SHA256SUMS"))
	sums := readSums(t, data)
	for _, want := range []string{"windows-amd64.zip", "linux-amd64.tar.gz"} {
		if _, ok := sums["avgaudit-"+version+"-"+want]; !ok {
			t.Errorf("SHA256SUMS lacks avgaudit-%s-%s", version, want)
		}
	}
	for file, sum := range sums {
		t.Run(file, func(t *testing.T) {
			if got := sha256File(t, filepath.Join(dir, file)); got != sum {
				t.Fatalf("sha256 %s, SHA256SUMS says %s", got, sum)
			}
			platform := strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(file, "avgaudit-"+version+"-"), ".zip"), ".tar.gz")
			root := extract(t, filepath.Join(dir, file), t.TempDir())
			if filepath.Base(root) != "avgaudit-"+version+"-"+platform {
				t.Errorf("top folder %s", filepath.Base(root))
			}
			exe := "avgaudit"
			if strings.HasPrefix(platform, "windows") {
				exe += ".exe"
			}
			for _, f := range []string{exe, "README.md", "LICENSES/README.txt", "LICENSES/go/LICENSE",
				"LICENSES/github.com_duckdb_duckdb-go-bindings_lib_" + platform + "/LICENSE",
				"LICENSES/github.com_xuri_excelize_v2/LICENSE"} {
				if _, err := os.Stat(filepath.Join(root, f)); err != nil {
					t.Errorf("archive lacks %s", f)
				}
			}
			inner, err := os.ReadFile(filepath.Join(root, "SHA256SUMS"))
			if err != nil {
				t.Fatalf("archive lacks SHA256SUMS: %v", err)
			}
			listed := readSums(t, inner)
			var files []string
			filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() && d.Name() != "SHA256SUMS" {
					rel, _ := filepath.Rel(root, p)
					files = append(files, filepath.ToSlash(rel))
				}
				return err
			})
			if len(files) != len(listed) {
				t.Errorf("%d files, SHA256SUMS lists %d", len(files), len(listed))
			}
			for _, f := range files {
				if got := sha256File(t, filepath.Join(root, f)); got != listed[f] {
					t.Errorf("%s: sha256 %s, SHA256SUMS says %q", f, got, listed[f])
				}
			}
		})
	}
}

// extract unpacks a release archive into dir and returns its top folder.
func extract(t *testing.T, archive, dir string) string {
	t.Helper()
	write := func(name string, mode os.FileMode, r io.Reader) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if !strings.HasPrefix(p, filepath.Clean(dir)+string(filepath.Separator)) {
			t.Fatalf("%s: entry %q leaves the folder", archive, name)
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		f, err := os.OpenFile(p, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode|0o600)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(f, r); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	var top string
	if strings.HasSuffix(archive, ".zip") {
		zr, err := zip.OpenReader(archive)
		if err != nil {
			t.Fatal(err)
		}
		defer zr.Close()
		for _, f := range zr.File {
			top, _, _ = strings.Cut(f.Name, "/")
			if f.FileInfo().IsDir() {
				continue
			}
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			write(f.Name, f.Mode().Perm(), r)
			r.Close()
		}
	} else {
		f, err := os.Open(archive)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		gz, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		tr := tar.NewReader(gz)
		for {
			h, err := tr.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			top, _, _ = strings.Cut(h.Name, "/")
			if h.Typeflag == tar.TypeReg {
				write(h.Name, os.FileMode(h.Mode).Perm(), tr)
			}
		}
	}
	return filepath.Join(dir, top)
}

// run runs a program and returns its output; a failure shows both streams.
func run(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir, cmd.Env = dir, env
	// Wine's server outlives wine and inherits its output: stop waiting for
	// that output shortly after wine itself has exited.
	cmd.WaitDelay = 10 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil && !errors.Is(err, exec.ErrWaitDelay) {
		t.Fatalf("%s %s: %v\nstdout:\n%s\nstderr:\n%s", name, strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String() + stderr.String()
}

// reports checks that a risk report of the sample was written to out and
// returns per check its status and number of findings, to compare runs.
func reports(t *testing.T, out string) map[string]string {
	t.Helper()
	for _, f := range []string{"rapport.html", "rapport.xlsx", "resultaten.json"} {
		if fi, err := os.Stat(filepath.Join(out, f)); err != nil || fi.Size() == 0 {
			t.Fatalf("%s not written: %v", filepath.Join(out, f), err)
		}
	}
	data, err := os.ReadFile(filepath.Join(out, "resultaten.json"))
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Checks []struct {
			ID       string            `json:"id"`
			Status   string            `json:"status"`
			Findings []json.RawMessage `json:"findings"`
		} `json:"checks"`
	}
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatalf("resultaten.json: %v", err)
	}
	if len(res.Checks) == 0 {
		t.Fatal("resultaten.json has no checks")
	}
	tally := map[string]string{}
	for _, c := range res.Checks {
		tally[c.ID] = fmt.Sprintf("%s %d", c.Status, len(c.Findings))
	}
	return tally
}

// linuxAudit is the Linux binary's tally of the embedded sample, for the
// Windows run to be compared with.
var linuxAudit struct {
	sync.Mutex
	tally map[string]string
}

// TestLinuxWithoutGo runs the Linux binary as a user without Go would: from
// a folder with a space and an accent, with nothing on PATH, linked only to
// the C library.
func TestLinuxWithoutGo(t *testing.T) {
	if runtime.GOOS != "linux" || runtime.GOARCH != "amd64" {
		t.Skip("runs the linux/amd64 binary")
	}
	dir, version := dist(t)
	home := filepath.Join(t.TempDir(), folder)
	root := extract(t, filepath.Join(dir, "avgaudit-"+version+"-linux-amd64.tar.gz"), home)
	exe := filepath.Join(root, "avgaudit")

	// Only the C and C++ runtimes, which every desktop Linux and WSL has, in
	// versions as old as Ubuntu 22.04's (glibc 2.35, GCC 12): the README says so.
	ldd := run(t, home, os.Environ(), need(t, "ldd", "libc-bin"), exe)
	allowed := regexp.MustCompile(`^(linux-vdso\.so\.1|/lib64/ld-linux-x86-64\.so\.2|lib(c|m|dl|pthread|stdc\+\+|gcc_s)\.so\.\d+)$`)
	for _, line := range strings.Split(strings.TrimSpace(ldd), "\n") {
		if lib := strings.Fields(line)[0]; !allowed.MatchString(lib) {
			t.Errorf("linked to %s, which a user's Linux may lack:\n%s", lib, ldd)
		}
	}
	symbols := run(t, home, os.Environ(), need(t, "objdump", "binutils"), "-T", exe)
	newest := map[string]string{"GLIBC": "2.35", "GLIBCXX": "3.4.30", "CXXABI": "1.3.13"}
	for _, m := range regexp.MustCompile(`\((GLIBC|GLIBCXX|CXXABI)_([0-9.]+)\)`).FindAllStringSubmatch(symbols, -1) {
		if newerVersion(m[2], newest[m[1]]) {
			t.Errorf("needs %s_%s, newer than Ubuntu 22.04's %s_%s", m[1], m[2], m[1], newest[m[1]])
		}
	}

	empty := t.TempDir() // PATH: no go, no compiler, nothing
	env := []string{"PATH=" + empty, "HOME=" + home, "LANG=C.UTF-8"}
	if out, err := exec.Command("/bin/sh", "-c", "PATH="+empty+"; command -v go").CombinedOutput(); err == nil {
		t.Fatalf("go is still found: %s", out)
	}
	out := run(t, home, env, exe, "version")
	if !strings.HasPrefix(out, "avgaudit "+version+"\n") || !strings.Contains(out, "commit:") || !strings.Contains(out, "gebouwd:") {
		t.Errorf("avgaudit version:\n%s", out)
	}
	run(t, home, env, exe, "audit", "--out", "rapport")
	tally := reports(t, filepath.Join(home, "rapport"))
	linuxAudit.Lock()
	linuxAudit.tally = tally
	linuxAudit.Unlock()
}

// TestWindowsUnderWine runs avgaudit.exe under Wine as a Windows user would:
// version, the embedded sample, and the user's own exports with a manifest
// written on Windows (CRLF, backslashes), in folders with a space and an
// accent, named with backslashes.
func TestWindowsUnderWine(t *testing.T) {
	dir, version := dist(t)
	wine := need(t, "wine", "wine wine64")
	gcc := need(t, "x86_64-w64-mingw32-gcc", "gcc-mingw-w64-x86-64")
	prefix := t.TempDir()
	env := winePrefix(t, wine, gcc, prefix, os.Environ())

	home := filepath.Join(prefix, "drive_c", folder)
	winHome := `C:\` + folder
	root := extract(t, filepath.Join(dir, "avgaudit-"+version+"-windows-amd64.zip"), home)
	exe := `C:\` + folder + `\` + filepath.Base(root) + `\avgaudit.exe`

	out := run(t, home, env, wine, exe, "version")
	if !strings.HasPrefix(out, "avgaudit "+version+"\r\n") && !strings.HasPrefix(out, "avgaudit "+version+"\n") {
		t.Errorf("avgaudit.exe version:\n%s", out)
	}
	if !strings.Contains(out, "windows/amd64") {
		t.Errorf("avgaudit.exe version names no windows/amd64:\n%s", out)
	}

	// The embedded sample, --out relative to the working folder.
	run(t, home, env, wine, exe, "audit", "--out", "rapport")
	sample := reports(t, filepath.Join(home, "rapport"))

	// The same organisation as exports in a folder, the manifest as a
	// Windows editor leaves it; --out absolute with backslashes.
	exports := filepath.Join(home, "exports")
	if err := os.CopyFS(exports, os.DirFS("../samples/org")); err != nil {
		t.Fatal(err)
	}
	manifest, err := os.ReadFile(filepath.Join(exports, "manifest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(manifest), "\n")
	for i, l := range lines {
		if k := strings.TrimLeft(l, " -"); strings.HasPrefix(k, "file: ") || strings.HasPrefix(k, "previous: ") {
			lines[i] = strings.ReplaceAll(l, "/", `\`)
		}
	}
	windows := strings.Join(lines, "\r\n")
	if !strings.Contains(windows, "file: kidsadmin\\kinderen.csv\r\n") {
		t.Fatal("the manifest did not get Windows paths and line ends")
	}
	if err := os.WriteFile(filepath.Join(exports, "manifest.yaml"), []byte(windows), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, home, env, wine, exe, "audit", winHome+`\exports`, "--out", winHome+`\rapport exports`)
	fromExports := reports(t, filepath.Join(home, "rapport exports"))

	if diff := compare(sample, fromExports); diff != "" {
		t.Errorf("embedded sample and exports folder differ:\n%s", diff)
	}
	linuxAudit.Lock()
	linux := linuxAudit.tally
	linuxAudit.Unlock()
	if linux != nil {
		if diff := compare(linux, sample); diff != "" {
			t.Errorf("Linux and Windows audits of the sample differ (linux, windows):\n%s", diff)
		}
	}
}

// newerVersion tells whether dotted version a is newer than b.
func newerVersion(a, b string) bool {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < max(len(as), len(bs)); i++ {
		var x, y int
		if i < len(as) {
			fmt.Sscan(as[i], &x)
		}
		if i < len(bs) {
			fmt.Sscan(bs[i], &y)
		}
		if x != y {
			return x > y
		}
	}
	return false
}

// winePrefix makes a Wine prefix (a fresh C: drive) in dir and returns the
// environment that uses it. Its Wine server is stopped when the test ends.
func winePrefix(t *testing.T, wine, gcc, dir string, env []string) []string {
	t.Helper()
	env = append(env, "WINEPREFIX="+dir, "WINEDEBUG=-all", "WINEDLLOVERRIDES=mscoree,mshtml=")
	t.Cleanup(func() {
		cmd := exec.Command(filepath.Join(filepath.Dir(wine), "wineserver"), "-k")
		cmd.Env = env
		cmd.Run()
	})
	run(t, dir, env, wine, "wineboot", "--init")
	// Wine 8 lacks bcryptprimitives.dll, which Go's runtime loads and every
	// Windows 10 or later has: give it a stand-in (testdata/wine).
	src, _ := filepath.Abs("testdata/wine")
	run(t, src, env, gcc, "-O2", "-shared", "-o", filepath.Join(dir, "drive_c", "windows", "system32", "bcryptprimitives.dll"),
		"bcryptprimitives.c", "bcryptprimitives.def", "-ladvapi32")
	return env
}

func compare(a, b map[string]string) string {
	var diffs []string
	for id, x := range a {
		if y := b[id]; y != x {
			diffs = append(diffs, fmt.Sprintf("  %s: %q vs %q", id, x, y))
		}
	}
	for id, y := range b {
		if _, ok := a[id]; !ok {
			diffs = append(diffs, fmt.Sprintf("  %s: missing vs %q", id, y))
		}
	}
	sort.Strings(diffs)
	return strings.Join(diffs, "\n")
}

// TestDoubleClickUnderWine starts avgaudit.exe without arguments in a console
// of its own, as the Explorer does on a double-click, on a virtual screen
// (Xvfb): its window must stay open until Enter is pressed, then close.
func TestDoubleClickUnderWine(t *testing.T) {
	dir, version := dist(t)
	wine := need(t, "wine", "wine wine64")
	gcc := need(t, "x86_64-w64-mingw32-gcc", "gcc-mingw-w64-x86-64")
	xvfb := need(t, "Xvfb", "xvfb")
	xdotool := need(t, "xdotool", "xdotool")

	// A virtual screen; -displayfd tells which display number it took.
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	x := exec.Command(xvfb, "-displayfd", "3", "-screen", "0", "1024x768x24", "-nolisten", "tcp")
	x.ExtraFiles = []*os.File{w}
	if err := x.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Process.Kill(); x.Wait() })
	w.Close()
	display, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		t.Fatalf("Xvfb gave no display: %v", err)
	}
	prefix := t.TempDir()
	env := winePrefix(t, wine, gcc, prefix, append(os.Environ(), "DISPLAY=:"+strings.TrimSpace(display)))
	root := extract(t, filepath.Join(dir, "avgaudit-"+version+"-windows-amd64.zip"), filepath.Join(prefix, "drive_c", folder))

	// start opens a new console for a console program, as a double-click does.
	run(t, prefix, env, wine, "start", "/unix", filepath.Join(root, "avgaudit.exe"))
	window := func() string {
		out, _ := exec.Command(xdotool, "search", "--name", `avgaudit\.exe`).Output()
		return strings.TrimSpace(string(out))
	}
	waitFor := func(what string, done func() bool) {
		t.Helper()
		for deadline := time.Now().Add(time.Minute); !done(); time.Sleep(500 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("no %s within a minute", what)
			}
		}
	}
	t.Setenv("DISPLAY", ":"+strings.TrimSpace(display)) // for xdotool
	waitFor("console window", func() bool { return window() != "" })
	time.Sleep(3 * time.Second)
	if window() == "" {
		t.Fatal("the console window closed by itself: a double-click would flash")
	}
	// Press Enter in the window until it closes (Wine may remap it meanwhile).
	waitFor("closing after Enter", func() bool {
		id := window()
		if id == "" {
			return true
		}
		exec.Command(xdotool, "key", "--window", strings.Fields(id)[0], "Return").Run()
		return false
	})
}

// TestLinuxArm64UnderQemu runs the linux/arm64 binary, when built, under
// qemu's user-mode emulation with Debian's arm64 C and C++ libraries.
func TestLinuxArm64UnderQemu(t *testing.T) {
	dir, version := dist(t)
	archive := filepath.Join(dir, "avgaudit-"+version+"-linux-arm64.tar.gz")
	if _, err := os.Stat(archive); err != nil {
		t.Skip("no linux/arm64 archive (release/build.sh skips it without aarch64-linux-gnu-gcc)")
	}
	qemu := need(t, "qemu-aarch64", "qemu-user")
	const sysroot = "/usr/aarch64-linux-gnu" // libc6-arm64-cross, libstdc++6-arm64-cross
	if _, err := os.Stat(filepath.Join(sysroot, "lib", "libstdc++.so.6")); err != nil {
		t.Fatalf("%s lacks libstdc++.so.6 (apt-get install g++-aarch64-linux-gnu)", sysroot)
	}
	home := filepath.Join(t.TempDir(), folder)
	root := extract(t, archive, home)
	out := run(t, home, os.Environ(), qemu, "-L", sysroot, filepath.Join(root, "avgaudit"), "version")
	if !strings.HasPrefix(out, "avgaudit "+version+"\n") || !strings.Contains(out, "linux/arm64") {
		t.Errorf("avgaudit version:\n%s", out)
	}
	run(t, home, os.Environ(), qemu, "-L", sysroot, filepath.Join(root, "avgaudit"), "audit", "--out", "rapport", "-q")
	tally := reports(t, filepath.Join(home, "rapport"))
	linuxAudit.Lock()
	linux := linuxAudit.tally
	linuxAudit.Unlock()
	if linux != nil {
		if diff := compare(linux, tally); diff != "" {
			t.Errorf("amd64 and arm64 audits of the sample differ (amd64, arm64):\n%s", diff)
		}
	}
}
