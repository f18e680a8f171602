package org.custodian.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.training.CommonMistake;
import org.custodian.training.Difficulty;
import org.custodian.training.ExerciseSet;
import org.custodian.training.NewExerciseSet;
import org.custodian.training.TrainingExercises;
import org.custodian.training.TrainingReports;
import org.custodian.training.TrainingSandbox;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The trainer's exercise sets: create one, assign it, follow each trainee's progress and the common mistakes. */
@Controller
class TrainingSetController {
    static final String PATH = "/training/sets";
    private static final int MISTAKES = 10;

    private final TrainingExercises exercises;
    private final TrainingReports reports;
    private final TrainingSandbox sandbox;

    TrainingSetController(TrainingExercises exercises, TrainingReports reports, TrainingSandbox sandbox) {
        this.exercises = exercises;
        this.reports = reports;
        this.sandbox = sandbox;
    }

    @GetMapping(PATH)
    String sets(@AuthenticationPrincipal CustodianUser user, Model model) {
        model.addAttribute("sets", exercises.sets(user));
        model.addAttribute("difficulties", Difficulty.values());
        model.addAttribute("sandboxPatients", sandbox.patients());
        return "training/sets";
    }

    @PostMapping(PATH)
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String topic,
                  @RequestParam(required = false) Difficulty difficulty, @AuthenticationPrincipal CustodianUser user,
                  HttpServletResponse response, Model model) {
        try {
            if (difficulty == null) {
                throw new IllegalArgumentException("choose the set's difficulty");
            }
            UUID id = exercises.createSet(user, new NewExerciseSet(name, topic, difficulty));
            return "redirect:" + PATH + "/" + id;
        } catch (IllegalArgumentException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", ErrorPages.sentence(refused.getMessage()));
            return sets(user, model);
        }
    }

    @GetMapping(PATH + "/{setId}")
    String set(@PathVariable UUID setId, @AuthenticationPrincipal CustodianUser user, Model model) {
        ExerciseSet set = exercises.set(user, setId);
        List<TrainingReports.TraineeProgress> progress = reports.progress(user, setId);
        List<CommonMistake> mistakes = reports.commonMistakes(user, setId, MISTAKES);
        model.addAttribute("set", set);
        model.addAttribute("progress", progress);
        model.addAttribute("mistakes", mistakes);
        model.addAttribute("mistakesChart", TrainingCharts.mistakes(mistakes));
        model.addAttribute("scoresChart", TrainingCharts.scores(progress));
        return "training/set";
    }

    @PostMapping(PATH + "/{setId}/assignments")
    String assign(@PathVariable UUID setId, @RequestParam(defaultValue = "") String trainee,
                  @AuthenticationPrincipal CustodianUser user, HttpServletResponse response, Model model) {
        try {
            exercises.assign(user, setId, trainee);
            return "redirect:" + PATH + "/" + setId + "?assigned";
        } catch (IllegalArgumentException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("assignProblem", ErrorPages.sentence(refused.getMessage()));
            return set(setId, user, model);
        }
    }
}
