#include "gui/progress_runner.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <string>
#include <thread>

#include <wx/progdlg.h>
#include <wx/utils.h>

#include "gui/wx_util.h"

namespace il::gui {
namespace {

std::atomic<int> g_cancel_after_steps{0};

class SharedProgress final : public ProgressSink {
public:
    explicit SharedProgress(int cancel_after_steps) : cancel_after_(cancel_after_steps) {}
    void step(std::string_view what, double fraction) override {
        std::lock_guard lock(mutex_);
        what_ = std::string(what);
        fraction_ = fraction;
        if (cancel_after_ > 0 && ++steps_ >= cancel_after_) cancel_ = true;
    }
    bool cancelled() override { return cancel_.load(); }
    void cancel() { cancel_ = true; }
    std::pair<std::string, double> current() {
        std::lock_guard lock(mutex_);
        return {what_, fraction_};
    }

private:
    std::mutex mutex_;
    std::string what_;
    double fraction_ = 0;
    std::atomic<bool> cancel_{false};
    int cancel_after_ = 0, steps_ = 0;
};

}  // namespace

void cancel_next_run_after_steps(int steps) { g_cancel_after_steps = steps; }

void run_with_progress(wxWindow* parent, const wxString& title, const std::function<void(ProgressSink&)>& work,
                       bool can_cancel) {
    SharedProgress progress(can_cancel ? g_cancel_after_steps.exchange(0) : 0);
    std::atomic<bool> done{false};
    std::exception_ptr error;
    std::thread worker([&] {
        try {
            work(progress);
        } catch (...) {
            error = std::current_exception();
        }
        done = true;
    });
    {
        wxProgressDialog dlg(title, _("Starting..."), 1000, parent,
                             wxPD_APP_MODAL | (can_cancel ? wxPD_CAN_ABORT : 0) | wxPD_ELAPSED_TIME | wxPD_AUTO_HIDE);
        while (!done) {
            auto [what, fraction] = progress.current();
            int value = static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 999);
            bool go_on = fraction <= 0 && what.empty() ? dlg.Pulse(_("Working...")) : dlg.Update(value, wx(what));
            if (!go_on) {
                progress.cancel();
                dlg.Resume();
                dlg.Update(value, _("Cancelling..."));
            }
            wxMilliSleep(40);
        }
    }
    worker.join();
    if (error) std::rethrow_exception(error);
}

}  // namespace il::gui
