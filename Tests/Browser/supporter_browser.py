"""A parent supporting a child's speech practice, in a real browser.

Usage: supporter_browser.py CARRYOVER_BINARY SCREENSHOT_FOLDER

The therapist adds a parent with the CLI, lets them see, confirm (counting)
and encourage one speech practice ("daily at 18:00 for 3 days", "3 of 3
days", token economy) and invites them. On three days (the portal restarted
with CARRYOVER_NOW each day) the parent confirms the practice: on a desktop
on days 1 and 2, on a 360 px phone on day 3; on day 1 they also send an
encouragement. The supporter's pages show no score, token or progress; the
client's own page then shows the message, "3 of 3" and 3 tokens; the CLI's
status and history show the confirmations as the parent's. axe-core checks
every page; screenshots go to SCREENSHOT_FOLDER (supporter-*).

Prints one line per check and ends with 'N passed, N failed'; exits 1 when a
check failed, 3 when a package is missing (run 'make test-tools').
"""

import json
import os
import re
import subprocess
import sys
import tempfile

import portal_browser as shared
from portal_browser import BINARY, CHROMIUM, check, page_check

try:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright
except ImportError as error:
    print(f"missing Python package ({error.name}); run 'make test-tools'")
    sys.exit(3)

DAYS = ["2026-12-07T16:30:00Z", "2026-12-08T16:30:00Z", "2026-12-09T16:30:00Z"]
HIDDEN = ["token", "Progress", "streak", "ccuracy", "%", "balance"]


def carryover(practice, now, *arguments):
    environment = dict(os.environ, CARRYOVER_NOW=now)
    result = subprocess.run([BINARY, *arguments, "--practice", practice], capture_output=True, text=True,
                            timeout=60, env=environment)
    if result.returncode != 0:
        raise RuntimeError(f"carryover {' '.join(arguments)}: {result.stderr}")
    return result.stdout


class Portal:
    """`carryover serve` at a fixed clock, on a free port."""

    def __init__(self, practice, now):
        environment = dict(os.environ, CARRYOVER_NOW=now)
        self.server = subprocess.Popen([BINARY, "serve", "--port", "0", "--practice", practice],
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)
        line = self.server.stdout.readline()
        match = re.search(r":(\d+)/", line)
        if not match:
            self.stop()
            raise RuntimeError(f"serve did not start: {line}")
        self.base = f"http://127.0.0.1:{match.group(1)}"

    def stop(self):
        self.server.terminate()
        self.server.wait(timeout=20)


def sign_in(page, axe, link, mode):
    page.goto(link)
    check(f"{mode}: the supporter's link opens the welcome page",
          "as a supporter" in page.locator("main").inner_text())
    page_check(page, axe, mode, "1-welcome")
    page.get_by_label("Keep me signed in on this device for 30 days").check()
    page.get_by_role("button", name="Open my homework").click()
    page.wait_for_load_state()


def no_scores(page, mode, name):
    text = page.locator("main").inner_text()
    shown = [word for word in HIDDEN if word in text]
    check(f"{mode}: the supporter sees no score, token or progress on {name}", not shown, str(shown))


def confirm(page, axe, mode, day):
    check(f"{mode}: day {day}: the supporter's page lists the speech practice",
          page.get_by_role("heading", name="Speech practice").is_visible())
    no_scores(page, mode, f"day {day}'s start page")
    page_check(page, axe, mode, f"2-start-day{day}")
    page.get_by_role("link", name="I saw “Speech practice” happen").click()
    check(f"{mode}: day {day}: the confirmation form is shown",
          page.get_by_role("heading", name="Confirm practice").is_visible())
    page_check(page, axe, mode, f"3-confirm-day{day}")
    page.get_by_label("A note for the therapist").fill(f"Practised the s sound, day {day}")
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm practice").click()
    check(f"{mode}: day {day}: the confirmation is saved",
          "Your confirmation was saved" in page.locator("main").inner_text())
    no_scores(page, mode, f"day {day}'s answer")
    page_check(page, axe, mode, f"4-confirmed-day{day}")
    page.get_by_role("link", name="Back to the start page").click()
    check(f"{mode}: day {day}: today's practice shows as done",
          "Due today by 18:00 – done" in page.locator("main").inner_text(), page.locator("main").inner_text())


def encourage(page, axe, mode):
    page.get_by_role("link", name="Send a message about “Speech practice”").click()
    page_check(page, axe, mode, "5-message")
    page.get_by_role("button", name="Send the message").click()
    check(f"{mode}: an empty message is refused with what to do",
          page.get_by_role("heading", name=re.compile("Please check")).is_visible())
    page_check(page, axe, mode, "5b-message-problem")
    page.get_by_label("Your message").fill("So proud of you, keep going!")
    with page.expect_navigation():
        page.get_by_role("button", name="Send the message").click()
    check(f"{mode}: the message is sent", page.get_by_role("heading", name="Message sent").is_visible())
    page_check(page, axe, mode, "6-message-sent")


def main():
    folder = tempfile.mkdtemp(prefix="carryover-supporter-")
    practice = os.path.join(folder, "practice")
    setup = "2026-12-07T08:00:00Z"
    subprocess.run([BINARY, "init", practice], check=True, capture_output=True)
    carryover(practice, setup, "client", "add", "c-021", "--name", "Client 21", "--time-zone", "Europe/Berlin")
    params = os.path.join(folder, "params.json")
    with open(params, "w") as handle:
        json.dump({"targets": ["sun", "sock", "sand"]}, handle)
    carryover(practice, setup, "assign", "c-021", "org.carryover.speech-practice", "--params-file", params,
              "--schedule", "daily at 18:00 for 3 days", "--rule", "3 of 3 days", "--reinforce", "token economy")
    carryover(practice, setup, "supporter", "add", "c-021", "--name", "Maria", "--relation", "parent")
    carryover(practice, setup, "supporter", "allow", "c-021-s1", "c-021-1", "--can", "see,confirm,encourage",
              "--count-confirmations")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        desktop = browser.new_context(viewport={"width": 1280, "height": 900})
        phone = browser.new_context(viewport={"width": 360, "height": 740})
        for day, now in enumerate(DAYS, start=1):
            portal = Portal(practice, now)
            try:
                context, mode = (phone, "supporter-phone-360") if day == 3 else (desktop, "supporter-desktop")
                page = context.pages[0] if context.pages else context.new_page()
                axe = Axe()
                if day in (1, 3):
                    invite = json.loads(carryover(practice, now, "supporter", "invite", "c-021-s1", "--json",
                                                  "--base-url", portal.base))
                    check(f"{mode}: the invite names the supporter", invite.get("supporterID") == "c-021-s1")
                    sign_in(page, axe, invite["url"], mode)
                else:
                    page.goto(portal.base + "/")
                confirm(page, axe, mode, day)
                if day == 1:
                    encourage(page, axe, mode)
                    # A supporter's session never reaches the client's pages.
                    response = page.goto(portal.base + "/safety-plan")
                    check(f"{mode}: the client's safety plan is not there for a supporter",
                          response.status == 404, str(response.status))
                if day == 3:
                    for client_mode, client_context in (("client-desktop", desktop), ("client-phone-360", phone)):
                        client_context.clear_cookies()
                        client_page = client_context.pages[0]
                        link = json.loads(carryover(practice, now, "client", "invite", "c-021", "--json",
                                                    "--base-url", portal.base))["url"]
                        client_page.goto(link)
                        client_page.get_by_role("button", name="Open my homework").click()
                        client_page.wait_for_load_state()
                        text = client_page.locator("main").inner_text()
                        check(f"{client_mode}: the parent's message is on the client's page",
                              "So proud of you, keep going!" in text and "Maria" in text, text[:400])
                        check(f"{client_mode}: the confirmations made 3 of 3 days and 3 tokens",
                              "goal reached" in text and "3 tokens" in text, text[:400])
                        page_check(client_page, Axe(), client_mode, "7-client-with-message")
            finally:
                portal.stop()
        browser.close()

    status = json.loads(carryover(practice, DAYS[-1], "status", "c-021", "--json"))
    speech = status["assignments"][0]
    check("CLI status: the rule is met by the parent's confirmations", speech["completion"]["met"], str(speech["completion"]))
    check("CLI status: 3 tokens earned", speech["balance"] == "3 tokens", str(speech["balance"]))
    check("CLI status: 3 confirmations by supporters, 3 counted",
          speech["supporterConfirmations"] == 3 and speech["countedConfirmations"] == 3, str(speech))
    history = carryover(practice, DAYS[-1], "history", "c-021")
    check("CLI history names the parent on each confirmation",
          history.count("[confirmation by Maria (parent, c-021-s1) via portal]") == 3, history)
    print(f"{shared.passed} passed, {shared.failed} failed")
    sys.exit(1 if shared.failed else 0)


if __name__ == "__main__":
    main()
