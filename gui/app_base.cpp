#include "gui/app_base.h"

#include <algorithm>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <wx/cmdline.h>
#include <wx/config.h>
#include <wx/fileconf.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/log.h>
#include <wx/translation.h>
#include <wx/wx.h>

#include "core/platform/paths.h"
#include "core/util/utf8_path.h"
#include "gui/error_text.h"
#include "gui/main_frame.h"
#include "gui/wx_util.h"

namespace il::gui {

namespace {

// The process status when OnInit stops the start on purpose (--help: 0; no display: 2); wxWidgets
// itself returns -1 whenever OnInit returns false.
int g_exit_status = -1;

wxString no_display_text() {
    return _("No display was found ($DISPLAY and $WAYLAND_DISPLAY are empty), so the desktop application "
             "cannot open its window.\nWithout a display, use the command-line tool investledger-cli, for example:\n"
             "  investledger-cli --db ledger.db demo                                  (the demo city)\n"
             "  investledger-cli --db ledger.db report --all --period 2017-06 --out reports.xlsx\n"
             "  investledger-cli --help                                               (all commands)");
}

// GTK draws the stock buttons (OK/Cancel, Yes/No in message boxes) and the file dialogs with
// its own catalog (gtk30.mo), picked by gettext from the process locale: make it speak the UI
// language even where the system locale is not Chinese (a test box, an English desktop).
// gettext honours LANGUAGE unless LC_MESSAGES is the plain "C" locale, hence C.UTF-8 then.
void use_language_in_toolkit(const wxString& lang) {
#ifdef __WXGTK__
    const char* messages = std::setlocale(LC_MESSAGES, nullptr);
    if (!messages || std::strcmp(messages, "C") == 0 || std::strcmp(messages, "POSIX") == 0)
        std::setlocale(LC_MESSAGES, "C.UTF-8");
    wxSetEnv("LANGUAGE", lang + ":" + lang.BeforeFirst('_'));
#else
    (void)lang;
#endif
}

}  // namespace

int exit_status(int wx_entry_result) { return g_exit_status >= 0 ? g_exit_status : wx_entry_result; }

bool AppBase::Initialize(int& argc, wxChar** argv) {
#if defined(__WXGTK__)
    auto set = [](const char* name) {
        const char* v = std::getenv(name);
        return v && *v;
    };
    no_display_ = !set("DISPLAY") && !set("WAYLAND_DISPLAY");
    if (no_display_) return wxAppConsole::Initialize(argc, argv);
#endif
    return wxApp::Initialize(argc, argv);
}

bool AppBase::OnInitGui() { return no_display_ || wxApp::OnInitGui(); }

void AppBase::CleanUp() {
    if (no_display_) wxAppConsole::CleanUp();
    else wxApp::CleanUp();
}

bool AppBase::OnInit() {
    SetAppName("investledger");
    SetVendorName("InvestLedger");
    // The language first: the command line's help (--help) speaks it too.
    setup_language(early_language());
    if (no_display_) {
        const bool help = wxApp::OnInit() == false && help_shown_;
        // UTF-8 whatever the C locale (often "C" on a server without a display).
        const wxString text = no_display_text() + "\n";
        if (!help) std::fputs(text.utf8_str().data(), stderr);
        else std::fputs(("\n" + text).utf8_str().data(), stdout);
        g_exit_status = help ? 0 : 2;
        return false;
    }
    if (!wxApp::OnInit()) return false;
    auto* frame = new MainFrame();
    frame->Show();
    frame->set_forced_period(utf8(period_));
    return start(*frame);
}

bool AppBase::start(MainFrame& frame) {
    if (!frame.open_initial(db_path_)) {
        frame.Destroy();
        return true;
    }
    long view = wxConfigBase::Get()->ReadLong("/Window/view", 0);
    frame.show_view(static_cast<View>(std::clamp(view, 0L, static_cast<long>(View::Count) - 1)));
    frame.focus_start();
    return true;
}

int AppBase::OnRun() {
    int rc = wxApp::OnRun();
    return exit_code_ ? exit_code_ : rc;
}

void AppBase::OnInitCmdLine(wxCmdLineParser& parser) {
    wxApp::OnInitCmdLine(parser);
    parser.AddOption({}, "db", _("the ledger database file to open (created if missing), or a ledger on a database server: "
                                 "postgresql://user@host[:port]/dbname"));
    parser.AddOption({}, "lang", _("language: zh_CN (default) or en"));
    parser.AddOption({}, "period", _("the reporting period to show, e.g. 2017-06"));
    parser.AddOption({}, "config", _("the settings file to use instead of the user's (window layout, recent files)"));
    parser.AddParam(_("ledger file or server address"), wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
}

bool AppBase::OnCmdLineHelp(wxCmdLineParser& parser) {
    help_shown_ = true;
    g_exit_status = 0;  // asking for help is no error
    return wxApp::OnCmdLineHelp(parser);
}

bool AppBase::OnCmdLineParsed(wxCmdLineParser& parser) {
    parser.Found("db", &db_path_);
    if (db_path_.empty() && parser.GetParamCount() > 0) db_path_ = parser.GetParam(0);  // "investledger FILE" (.desktop %f)
    parser.Found("lang", &lang_);
    parser.Found("period", &period_);
    wxString config;
    parser.Found("config", &config);
    if (test_run()) {
        delete wxLog::SetActiveTarget(new wxLogStderr);  // never a modal log box in test runs
        set_test_mode(true);
        // Keep the user's configuration out of test runs.
        if (config.empty()) config = wxFileName::CreateTempFileName("ilcfg");
    }
    if (!config.empty())
        delete wxConfigBase::Set(new wxFileConfig("investledger", {}, config, {}, wxCONFIG_USE_LOCAL_FILE));
    return wxApp::OnCmdLineParsed(parser);
}

// The UI language before the command line is parsed: --lang, else the settings file's
// (--config's, or the user's; a test run's fresh settings: the default).
wxString AppBase::early_language() const {
    wxString lang, config;
    for (int i = 1; i < argc; ++i) {
        const wxString a = argv[i];
        auto value = [&](const wxString& name, wxString& out) {
            if (a == "--" + name && i + 1 < argc) out = argv[i + 1];
            else if (a.StartsWith("--" + name + "=")) out = a.AfterFirst('=');
        };
        value("lang", lang);
        value("config", config);
    }
    if (!lang.empty()) return lang;
    if (!config.empty()) {
        if (!wxFileName::FileExists(config)) return "zh_CN";
        wxFileConfig file("investledger", {}, config, {}, wxCONFIG_USE_LOCAL_FILE);
        return file.Read("/Language", "zh_CN");
    }
    if (test_run()) return "zh_CN";
    return wxConfigBase::Get()->Read("/Language", "zh_CN");
}

void AppBase::setup_language(wxString lang) {
    if (lang == "en") return;  // msgids are English
    use_language_in_toolkit(lang.empty() ? wxString("zh_CN") : lang);
    // wxTranslations directly: works even when the system lacks the zh_CN C locale.
    namespace fs = std::filesystem;
    for (fs::path dir : {platform::executable_dir() / "locale", platform::executable_dir() / ".." / "locale",
                         platform::executable_dir() / ".." / "share" / "locale", fs::path(IL_DATA_DIR) / ".." / "locale"})
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wx(il::path_utf8(dir.lexically_normal())));
#if defined(__UNIX__) && !defined(__APPLE__)
    // wxWidgets' own catalog (wxstd-3.2.mo from Debian's wx3.2-i18n: OK/Cancel, Yes/No, stock
    // labels) lies under the system prefix, which wx does not search when run from a build tree.
    for (const char* dir : {"/usr/share/locale", "/usr/local/share/locale"})
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(dir);
#endif
    auto* translations = new wxTranslations();
    translations->SetLanguage(lang.empty() ? wxString("zh_CN") : lang);
    wxTranslations::Set(translations);
    if (!translations->AddStdCatalog())
        wxLogDebug("wxWidgets' own translations (wxstd) not found: stock buttons stay in English");
    translations->AddCatalog("investledger");
}

}  // namespace il::gui
