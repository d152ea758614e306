// The offline quiz page. Python chose and judged everything (export_page.py); this script only
// shows it one question at a time, adds up points and saves the anonymous result file.
// Content is data: every text goes in with textContent, never as HTML.
(function () {
  "use strict";
  var dataBlock = document.getElementById("infoblad-quiz-data");
  var app = document.getElementById("quiz-app");
  if (!dataBlock || !app) {
    return;
  }
  var data = JSON.parse(dataBlock.textContent);
  var T = data.text;
  var questions = data.questions;
  var picks = []; // picks[i]: the index (in shown order) of the answer chosen to question i

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") {
        node.textContent = attrs.text;
      } else {
        node.setAttribute(name, attrs[name]);
      }
    });
    (children || []).forEach(function (child) {
      if (child) {
        node.appendChild(child);
      }
    });
    return node;
  }

  function paragraphs(texts, attrs) {
    return texts.map(function (text) {
      return el("p", Object.assign({ text: text }, attrs || {}));
    });
  }

  // Python's round(): halves go to the even neighbour (12.5 -> 12), so the page says what the terminal says.
  function percent(points, most) {
    if (!most) {
      return 0;
    }
    var whole = Math.floor((100 * points) / most);
    var rest = 100 * points - whole * most;
    if (2 * rest > most || (2 * rest === most && whole % 2 === 1)) {
      whole += 1;
    }
    return whole;
  }

  // The sums of quiz.result, over the answers Python judged in advance.
  function summarise(chosen) {
    var outcomes = chosen.map(function (pick, i) {
      return questions[i].answers[pick];
    });
    var score = 0;
    var most = 0;
    var perTheme = {};
    outcomes.forEach(function (answer, i) {
      score += answer.points;
      most += answer.max_points;
      if (answer.correct === null) {
        return;
      }
      var theme = questions[i].theme;
      perTheme[theme] = perTheme[theme] || { points: 0, max_points: 0, questions: 0 };
      perTheme[theme].points += answer.points;
      perTheme[theme].max_points += answer.max_points;
      perTheme[theme].questions += 1;
    });
    var themes = data.themes
      .filter(function (theme) {
        return perTheme[theme.id];
      })
      .map(function (theme) {
        var sums = perTheme[theme.id];
        return {
          id: theme.id,
          title: theme.title,
          points: sums.points,
          max_points: sums.max_points,
          questions: sums.questions,
          percent: percent(sums.points, sums.max_points),
        };
      });
    var missed = [];
    var low = [];
    outcomes.forEach(function (answer, i) {
      if (answer.correct === false) {
        missed.push(i);
      } else if (answer.low) {
        low.push(i);
      }
    });
    // What to read next: the links of what went less well, most often first (ties in order of
    // appearance); when that gives fewer than two, the links of the other answers. As quiz._read_next.
    var counts = new Map();
    missed.concat(low).forEach(function (i) {
      var link = outcomes[i].link;
      counts.set(link, (counts.get(link) || 0) + 1);
    });
    var ranked = Array.from(counts.keys()).sort(function (a, b) {
      return counts.get(b) - counts.get(a);
    });
    if (ranked.length < 2) {
      outcomes.forEach(function (answer) {
        if (ranked.indexOf(answer.link) < 0) {
          ranked.push(answer.link);
        }
      });
    }
    return {
      score: score,
      max_score: most,
      percent: percent(score, most),
      themes: themes,
      missed: missed,
      low: low,
      ratings: outcomes
        .map(function (answer, i) {
          return answer.correct === null ? i : -1;
        })
        .filter(function (i) {
          return i >= 0;
        }),
      read_next: ranked.slice(0, 3),
    };
  }

  function today() {
    var now = new Date();
    var pad = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  // The anonymous result file (format "infoblad-result", version 1): no name, no time of day.
  function resultFile(chosen, date) {
    var sums = summarise(chosen);
    var byId = {};
    sums.themes.forEach(function (theme) {
      byId[theme.id] = theme;
    });
    var themes = {}; // in the order the questions came, as result_file.build writes them
    chosen.forEach(function (pick, i) {
      var theme = byId[questions[i].theme];
      if (theme && !themes[theme.id]) {
        themes[theme.id] = { points: theme.points, max_points: theme.max_points, questions: theme.questions };
      }
    });
    return {
      format: "infoblad-result",
      version: 1,
      date: date,
      lang: data.lang,
      made_by: "page",
      quiz: data.quiz,
      questions: chosen.map(function (pick, i) {
        var question = questions[i];
        var answer = question.answers[pick];
        return {
          id: question.id,
          theme: question.theme,
          kind: question.kind,
          choice: answer.choice,
          rating: answer.rating,
          points: answer.points,
          max_points: answer.max_points,
        };
      }),
      themes: themes,
      score: { points: sums.score, max_points: sums.max_score },
    };
  }

  // ------------------------------------------------------------ screens

  var screen = el("div", { class: "quiz-screen" });
  var status = el("p", { class: "visually-hidden", role: "status", "aria-live": "polite" });
  app.appendChild(screen);
  app.appendChild(status);

  function show(nodes, focus) {
    // Printed before the quiz starts, the page shows the discussion sheet instead (page.css).
    app.parentNode.classList.toggle("quiz-at-start", !focus);
    screen.textContent = "";
    nodes.forEach(function (node) {
      if (node) {
        screen.appendChild(node);
      }
    });
    if (focus) {
      focus.setAttribute("tabindex", "-1");
      focus.focus();
    }
  }

  function announce(text) {
    status.textContent = text;
  }

  function button(label, onClick, secondary) {
    var node = el("button", { type: "button", text: label });
    if (secondary) {
      node.className = "secondary";
    }
    node.addEventListener("click", onClick);
    return node;
  }

  function startScreen() {
    announce("");
    show([button(T["page.start"], function () {
      picks = [];
      askQuestion(0);
    })]);
  }

  function questionBody(question) {
    var nodes = [el("p", { class: "meta", text: question.meta }), el("p", { class: "label", text: question.label })];
    if (question.voice) {
      nodes.push(el("blockquote", { class: "voice" }, [el("p", { text: "\u201c" + question.voice + "\u201d" })]));
    }
    var texts = paragraphs(question.paragraphs);
    if (question.kind === "self-rating") {
      texts = texts.map(function (p) {
        var strong = el("strong", { text: p.textContent });
        return el("p", {}, [strong]);
      });
    }
    return nodes.concat(texts);
  }

  function askQuestion(index) {
    var question = questions[index];
    var heading = el("h3", { id: "quiz-question-heading", text: question.heading });
    var error = el("p", { id: "quiz-error", class: "error", hidden: "" });
    var fieldset = el("fieldset", { "aria-describedby": "quiz-error" }, [el("legend", { text: question.ask })]);
    question.answers.forEach(function (answer, i) {
      var id = "quiz-choice-" + i;
      fieldset.appendChild(
        el("div", { class: "choice" }, [
          el("input", { type: "radio", name: "quiz-answer", id: id, value: String(i) }),
          el("label", { for: id, text: answer.text }),
        ])
      );
    });
    var form = el("form", { class: "quiz-form", novalidate: "" }, [fieldset, error]);
    var check = el("button", { type: "submit", text: T["page.check"] });
    form.appendChild(check);
    var feedbackArea = el("div", { class: "feedback-area" });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var picked = form.querySelector("input:checked");
      if (!picked) {
        error.textContent = T["page.choose_first"];
        error.hidden = false;
        announce(T["page.choose_first"]);
        form.querySelector("input").focus();
        return;
      }
      var pick = Number(picked.value);
      picks[index] = pick;
      error.hidden = true;
      fieldset.disabled = true;
      check.hidden = true;
      var chosen = picked.parentNode;
      chosen.classList.add("chosen");
      chosen.querySelector("label").appendChild(el("span", { class: "tag", text: "(" + T["page.your_answer"] + ")" }));
      giveFeedback(index, pick, feedbackArea);
    });
    show([heading].concat(questionBody(question), [form, feedbackArea]), heading);
    announce("");
  }

  function giveFeedback(index, pick, area) {
    var question = questions[index];
    var answer = question.answers[pick];
    var scored = answer.correct !== null;
    var kind = answer.correct ? "right" : answer.points ? "partly" : "wrong";
    var heading = el("h4", { text: T["page.feedback"] });
    var verdict = el("p", { class: "verdict" }, [
      answer.symbol ? el("span", { class: "symbol", "aria-hidden": "true", text: answer.symbol + " " }) : null,
      el("strong", { text: answer.verdict }),
      answer.points_text ? document.createTextNode(" " + answer.points_text) : null,
    ]);
    var box = el("div", { class: "feedback" + (scored ? " verdict-" + kind : "") }, [heading, verdict]);
    if (!scored && answer.feedback.length) {
      box.appendChild(el("p", {}, [el("strong", { text: T["quiz.tip"] }), document.createTextNode(" " + answer.feedback.join(" "))]));
    } else {
      paragraphs(answer.feedback).forEach(function (p) {
        box.appendChild(p);
      });
    }
    if (answer.better) {
      box.appendChild(el("p", {}, [el("strong", { text: T["quiz.better"] }), document.createTextNode(" " + answer.better)]));
      paragraphs(answer.better_feedback).forEach(function (p) {
        box.appendChild(p);
      });
    }
    var link = data.links[answer.link];
    box.appendChild(
      el("p", { class: "read-more" }, [
        document.createTextNode(T["quiz.read_more"] + " "),
        el("a", { href: link.href, text: link.title }),
      ])
    );
    var last = index === questions.length - 1;
    var next = button(last ? T["page.to_result"] : T["page.next"], function () {
      if (last) {
        resultScreen();
      } else {
        askQuestion(index + 1);
      }
    });
    area.appendChild(box);
    area.appendChild(next);
    announce([answer.verdict, answer.points_text].join(" ").trim());
    heading.setAttribute("tabindex", "-1");
    heading.focus();
  }

  function resultScreen() {
    var sums = summarise(picks);
    var heading = el("h3", { text: T["quiz.result"] });
    var nodes = [heading];
    var scoreText = sums.max_score
      ? fill(T["quiz.score"], { score: sums.score, max: sums.max_score, percent: sums.percent })
      : T["quiz.no_score"];
    nodes.push(el("p", { class: "score" }, [el("strong", { text: scoreText })]));
    if (sums.themes.length) {
      nodes.push(el("h4", { text: T["quiz.by_theme"] }));
      var list = el("ul", { class: "themes" });
      sums.themes.forEach(function (theme) {
        var fillBar = el("span");
        fillBar.style.width = theme.percent + "%";
        list.appendChild(
          el("li", {}, [
            el("span", { class: "theme-title", text: theme.title }),
            el("span", { class: "bar", "aria-hidden": "true" }, [fillBar]),
            el("span", { text: fill(T["page.theme_score"], { score: theme.points, max: theme.max_points, percent: theme.percent }) }),
          ])
        );
      });
      nodes.push(list);
    }
    if (sums.ratings.length) {
      nodes.push(el("h4", { text: T["quiz.self_image"] }));
      nodes.push(
        el(
          "ul",
          { class: "self" },
          sums.ratings.map(function (i) {
            var answer = questions[i].answers[picks[i]];
            var item = el("li", {}, [el("p", { text: answer.self_line })]);
            if (answer.feedback.length) {
              item.appendChild(el("p", {}, [el("strong", { text: T["quiz.tip"] }), document.createTextNode(" " + answer.feedback.join(" "))]));
            }
            return item;
          })
        )
      );
    }
    if (sums.missed.length) {
      nodes.push(el("h4", { text: T["quiz.missed"] }));
      nodes.push(
        el(
          "ul",
          { class: "missed" },
          sums.missed.map(function (i) {
            var answer = questions[i].answers[picks[i]];
            var item = el("li", {}, [el("p", { text: questions[i].gist })]);
            if (answer.better) {
              item.appendChild(el("p", {}, [el("strong", { text: T["quiz.better"] + " " + answer.better })]));
            }
            paragraphs(answer.missed_feedback).forEach(function (p) {
              item.appendChild(p);
            });
            return item;
          })
        )
      );
    }
    if (sums.read_next.length) {
      nodes.push(el("h4", { text: T["quiz.read_next"] }));
      nodes.push(
        el(
          "ul",
          { class: "read-next" },
          sums.read_next.map(function (key) {
            var link = data.links[key];
            return el("li", {}, [el("a", { href: link.href, text: link.title })]);
          })
        )
      );
    }
    var saved = el("p", { class: "saved", hidden: "" });
    nodes.push(el("h4", { text: T["page.save_title"] }));
    nodes.push(el("p", { class: "save-note", text: T["page.save_note"] }));
    nodes.push(
      button(T["page.save"], function () {
        var date = today();
        var name = fill(T["page.file_name"], { date: date });
        var blob = new Blob([JSON.stringify(resultFile(picks, date), null, 2) + "\n"], { type: "application/json" });
        var url = URL.createObjectURL(blob);
        var link = el("a", { href: url, download: name, hidden: "" });
        document.body.appendChild(link);
        link.click();
        link.remove();
        // Give the browser time to start the download before the data goes.
        setTimeout(function () {
          URL.revokeObjectURL(url);
        }, 60000);
        saved.textContent = fill(T["page.saved"], { file: name });
        saved.hidden = false;
        announce(saved.textContent);
      })
    );
    nodes.push(saved);
    nodes.push(
      button(
        T["page.again"],
        function () {
          picks = [];
          askQuestion(0);
        },
        true
      )
    );
    show(nodes, heading);
    announce(scoreText);
  }

  // For tests and the curious: the sums and the result file for a list of picks.
  window.infobladQuiz = Object.freeze({ summarise: summarise, resultFile: resultFile });

  // On screen the quiz takes the place of the discussion sheet.
  app.parentNode.classList.add("quiz-live");
  app.hidden = false;
  startScreen();
})();
