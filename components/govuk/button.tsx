import { Link } from "./link";
import type { AnchorHTMLAttributes, ButtonHTMLAttributes, ReactNode } from "react";
import { cx } from "./cx";

export type ButtonVariant = "primary" | "secondary" | "warning";

interface CommonProps {
  children: ReactNode;
  /** primary (green, default), secondary (grey) or warning (red). */
  variant?: ButtonVariant;
  className?: string;
}

export type ButtonAsButtonProps = CommonProps &
  Omit<ButtonHTMLAttributes<HTMLButtonElement>, "className" | "children"> & { href?: undefined };

export type ButtonAsLinkProps = CommonProps &
  Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "className" | "children" | "href"> & { href: string };

export type ButtonProps = ButtonAsButtonProps | ButtonAsLinkProps;

function classes(variant: ButtonVariant, className?: string): string {
  return cx("govuk-button", variant !== "primary" && `govuk-button--${variant}`, className);
}

/**
 * GOV.UK button. Renders a <button> (type "submit" unless given), or a link
 * styled as a button when `href` is set (it stays a link for assistive tech).
 */
export function Button(props: ButtonProps) {
  if (props.href !== undefined) {
    const { children, variant = "primary", className, href, ...rest } = props;
    return (
      <Link href={href} draggable={false} className={classes(variant, className)} {...rest}>
        {children}
      </Link>
    );
  }
  const { children, variant = "primary", className, type = "submit", href: _href, ...rest } = props;
  return (
    <button type={type} className={classes(variant, className)} {...rest}>
      {children}
    </button>
  );
}

export interface ButtonGroupProps {
  children: ReactNode;
}

/** Lays out buttons and links side by side (stacked on mobile). */
export function ButtonGroup({ children }: ButtonGroupProps) {
  return <div className="govuk-button-group">{children}</div>;
}
