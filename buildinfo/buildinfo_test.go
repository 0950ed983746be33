package buildinfo

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestFromBuildInfo(t *testing.T) {
	tests := []struct {
		name    string
		stamped Info // what ldflags set
		bi      debug.BuildInfo
		want    Info
	}{
		{"go run: nothing known", Info{},
			debug.BuildInfo{Main: debug.Module{Version: "(devel)"}},
			Info{}},
		{"go install at a tag",
			Info{},
			debug.BuildInfo{Main: debug.Module{Version: "v0.2.0"}, Settings: []debug.BuildSetting{
				{Key: "vcs.revision", Value: "abc123"}, {Key: "vcs.modified", Value: "false"}}},
			Info{Version: "v0.2.0", Commit: "abc123"}},
		{"git checkout with changes",
			Info{},
			debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
				{Key: "vcs.revision", Value: "abc123"}, {Key: "vcs.modified", Value: "true"}}},
			Info{Commit: "abc123", Modified: true}},
		{"release build: ldflags win",
			Info{Version: "v0.1.0", Commit: "def456", Date: "2026-12-07T14:00:00Z"},
			debug.BuildInfo{Main: debug.Module{Version: "v9.9.9"}, Settings: []debug.BuildSetting{
				{Key: "vcs.revision", Value: "abc123"}}},
			Info{Version: "v0.1.0", Commit: "def456", Date: "2026-12-07T14:00:00Z"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.stamped
			fromBuildInfo(&got, &tt.bi)
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestGetFallback(t *testing.T) {
	// A test binary has no ldflags stamp and no module version.
	got := Get("0.1.0")
	if got.Version != "0.1.0" || got.Go == "" || !strings.Contains(got.Platform, "/") {
		t.Errorf("Get = %+v", got)
	}
}

func TestString(t *testing.T) {
	tests := []struct {
		info Info
		want string
	}{
		{Info{Version: "0.1.0", Go: "go1.26.8", Platform: "linux/amd64"},
			"avgaudit 0.1.0\ngo:       go1.26.8 linux/amd64\n"},
		{Info{Version: "v0.1.0", Commit: "abc123", Modified: true, Date: "2026-12-07T14:00:00Z", Go: "go1.26.8", Platform: "windows/amd64"},
			"avgaudit v0.1.0\ncommit:   abc123 (met lokale wijzigingen)\ngebouwd:  2026-12-07T14:00:00Z\ngo:       go1.26.8 windows/amd64\n"},
	}
	for _, tt := range tests {
		if got := tt.info.String(); got != tt.want {
			t.Errorf("String() =\n%s\nwant\n%s", got, tt.want)
		}
	}
}
