/**
 * How an alert looks on the wire for each kind of webhook subscriber: attune's own signed JSON, a
 * Slack incoming webhook (Block Kit: `text` as the notification fallback, then header, section with
 * fields, context), or a Microsoft Teams incoming webhook (a message carrying an Adaptive Card 1.4,
 * the format Teams' Workflows webhooks take; Office 365 connector MessageCards are retired).
 * Alert summaries carry labels and counts, never a customer's words, so they may leave attune.
 *
 * @example
 * const body = alertBody("slack", presentAlert(row), { delivery_id: 7, attempt: 1 });
 */
import type { presentAlert } from "./alerts.js";

export const WEBHOOK_FORMATS = ["attune", "slack", "teams"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

type Alert = ReturnType<typeof presentAlert>;

/** The JSON body to POST for `alert` in the subscriber's format. */
export function alertBody(format: string, alert: Alert, delivery: { delivery_id: number; attempt: number }): string {
  if (format === "slack") return JSON.stringify(slackMessage(alert));
  if (format === "teams") return JSON.stringify(teamsMessage(alert));
  return JSON.stringify({ ...alert, ...delivery });
}

function title(a: Alert): string {
  return `${a.severity === "critical" ? "🔴" : a.severity === "warning" ? "🟠" : "🔵"} ${a.kind.replace(/_/g, " ")}${a.label ? `: ${a.label}` : ""}`;
}

function facts(a: Alert): [string, string][] {
  return [
    ["Severity", a.severity],
    ["Case", a.case_id === null ? "none" : `#${a.case_id}`],
    ["Channel", a.channel ?? "any"],
    ["Raised", a.created_at],
  ];
}

/** Slack's mrkdwn treats &, < and > as control characters. */
function slackEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function slackMessage(a: Alert): Record<string, unknown> {
  return {
    text: slackEscape(`${title(a)}: ${a.summary}`),
    blocks: [
      { type: "header", text: { type: "plain_text", text: title(a).slice(0, 150), emoji: true } },
      {
        type: "section",
        text: { type: "mrkdwn", text: slackEscape(a.summary).slice(0, 3000) },
        fields: facts(a).map(([k, v]) => ({ type: "mrkdwn", text: `*${k}*\n${slackEscape(v)}` })),
      },
      { type: "context", elements: [{ type: "mrkdwn", text: `attune alert #${a.id}` }] },
    ],
  };
}

export function teamsMessage(a: Alert): Record<string, unknown> {
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            {
              type: "TextBlock",
              text: title(a),
              weight: "Bolder",
              size: "Medium",
              wrap: true,
              color: a.severity === "critical" ? "Attention" : "Default",
            },
            { type: "TextBlock", text: a.summary, wrap: true },
            { type: "FactSet", facts: facts(a).map(([k, v]) => ({ title: k, value: v })) },
            { type: "TextBlock", text: `attune alert #${a.id}`, isSubtle: true, size: "Small", wrap: true },
          ],
        },
      },
    ],
  };
}
